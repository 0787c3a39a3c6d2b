package org.reformdesk.task.ledger;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimelinessTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    @Test
    void aTaskIsOnTrackUntilTheDueSoonWindowOpens() {
        assertThat(Timeliness.of(TaskStatus.IN_PROGRESS, DEADLINE, DEADLINE.minusDays(8), 7))
                .isEqualTo(Timeliness.ON_TRACK);
        assertThat(Timeliness.of(TaskStatus.IN_PROGRESS, DEADLINE, DEADLINE.minusDays(7), 7))
                .isEqualTo(Timeliness.DUE_SOON);
    }

    @Test
    void theDeadlineDayItselfIsStillDueSoonNotOverdue() {
        assertThat(Timeliness.of(TaskStatus.ASSIGNED, DEADLINE, DEADLINE, 7)).isEqualTo(Timeliness.DUE_SOON);
    }

    @Test
    void theDayAfterTheDeadlineIsOverdue() {
        assertThat(Timeliness.of(TaskStatus.CLOSE_REQUESTED, DEADLINE, DEADLINE.plusDays(1), 7))
                .isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void closedSuspendedAndCancelledTasksAreNeverOverdue() {
        for (TaskStatus status : new TaskStatus[] {TaskStatus.CLOSED, TaskStatus.SUSPENDED, TaskStatus.CANCELLED,
                TaskStatus.DRAFT}) {
            assertThat(Timeliness.of(status, DEADLINE, DEADLINE.plusYears(1), 7)).isEqualTo(Timeliness.ON_TRACK);
        }
    }
}
