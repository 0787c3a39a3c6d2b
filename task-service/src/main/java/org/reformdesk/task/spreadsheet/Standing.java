package org.reformdesk.task.spreadsheet;

import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where a row's task stands in the ledger a city kept before the platform: its status, the day it was closed and the
 * latest monthly report, so an import mid-programme carries them over.
 */
record Standing(TaskStatus status, LocalDate closedOn, Progress progress) {

    /** The latest monthly report (进展报告) the old ledger shows. */
    record Progress(YearMonth period, int percent, String narrative) {
    }

    /** The status a new task enters with before it is brought to {@link #status}: only DRAFT and ASSIGNED can be. */
    TaskStatus entry() {
        return status == TaskStatus.DRAFT ? TaskStatus.DRAFT : TaskStatus.ASSIGNED;
    }
}
