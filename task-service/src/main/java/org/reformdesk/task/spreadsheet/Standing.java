package org.reformdesk.task.spreadsheet;

import org.reformdesk.task.ledger.TaskRequests;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where a row's task stands in the ledger a city kept before the platform: its status, the day it was closed or the
 * day its deadline clock stopped, and the latest monthly report, so an import mid-programme carries them over.
 */
record Standing(TaskStatus status, LocalDate closedOn, LocalDate suspendedOn, Progress progress) {

    /** The latest monthly report (进展报告) the old ledger shows. */
    record Progress(YearMonth period, int percent, String narrative) {
    }

    /** The status a new task enters with before it is brought to {@link #status}: only DRAFT and ASSIGNED can be. */
    TaskStatus entry() {
        return status == TaskStatus.DRAFT ? TaskStatus.DRAFT : TaskStatus.ASSIGNED;
    }

    /**
     * The standing as the ledger enters it. A suspended task resumes to IN_PROGRESS when the old ledger shows a
     * report on it (work had begun), else to ASSIGNED, where a suspension in the ledger returns it too.
     */
    TaskRequests.Carried carried() {
        return new TaskRequests.Carried(status, closedOn, suspendedOn,
                progress != null ? TaskStatus.IN_PROGRESS : TaskStatus.ASSIGNED);
    }
}
