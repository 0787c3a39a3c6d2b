package org.reformdesk.task.ledger;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reformdesk.task.ledger.TaskAction.ASSIGN;
import static org.reformdesk.task.ledger.TaskAction.CANCEL;
import static org.reformdesk.task.ledger.TaskAction.CLOSE;
import static org.reformdesk.task.ledger.TaskAction.REJECT;
import static org.reformdesk.task.ledger.TaskAction.REQUEST_CLOSE;
import static org.reformdesk.task.ledger.TaskAction.RESUME;
import static org.reformdesk.task.ledger.TaskAction.START;
import static org.reformdesk.task.ledger.TaskAction.SUSPEND;
import static org.reformdesk.task.ledger.TaskStatus.ASSIGNED;
import static org.reformdesk.task.ledger.TaskStatus.CANCELLED;
import static org.reformdesk.task.ledger.TaskStatus.CLOSED;
import static org.reformdesk.task.ledger.TaskStatus.CLOSE_REQUESTED;
import static org.reformdesk.task.ledger.TaskStatus.DRAFT;
import static org.reformdesk.task.ledger.TaskStatus.IN_PROGRESS;
import static org.reformdesk.task.ledger.TaskStatus.SUSPENDED;

class TaskLifecycleTest {

    @Test
    void theHappyPathRunsFromDraftToClosed() {
        TaskStatus status = DRAFT;
        for (TaskAction action : new TaskAction[] {ASSIGN, START, REQUEST_CLOSE, CLOSE}) {
            status = TaskLifecycle.next(status, action, null);
        }
        assertThat(status).isEqualTo(CLOSED);
    }

    @Test
    void aRejectedCloseOutGoesBackToInProgress() {
        assertThat(TaskLifecycle.next(CLOSE_REQUESTED, REJECT, null)).isEqualTo(IN_PROGRESS);
    }

    @Test
    void aResumedTaskReturnsToWhereItWasSuspended() {
        assertThat(TaskLifecycle.next(SUSPENDED, RESUME, IN_PROGRESS)).isEqualTo(IN_PROGRESS);
        assertThat(TaskLifecycle.next(SUSPENDED, RESUME, ASSIGNED)).isEqualTo(ASSIGNED);
        assertThat(TaskLifecycle.next(IN_PROGRESS, SUSPEND, null)).isEqualTo(SUSPENDED);
    }

    @Test
    void everyOpenTaskCanBeCancelledButNothingLeavesClosedOrCancelled() {
        for (TaskStatus open : new TaskStatus[] {DRAFT, ASSIGNED, IN_PROGRESS, CLOSE_REQUESTED, SUSPENDED}) {
            assertThat(TaskLifecycle.next(open, CANCEL, ASSIGNED)).isEqualTo(CANCELLED);
        }
        for (TaskStatus done : new TaskStatus[] {CLOSED, CANCELLED}) {
            for (TaskAction action : TaskAction.values()) {
                assertThatThrownBy(() -> TaskLifecycle.next(done, action, ASSIGNED))
                        .isInstanceOf(TaskLifecycle.IllegalTransition.class)
                        .hasMessageContaining(done.name());
            }
        }
    }

    @Test
    void closingNeedsAPriorRequestAndADraftCannotStart() {
        assertThatThrownBy(() -> TaskLifecycle.next(IN_PROGRESS, CLOSE, null))
                .isInstanceOfSatisfying(TaskLifecycle.IllegalTransition.class, e -> {
                    assertThat(e.current()).isEqualTo(IN_PROGRESS);
                    assertThat(e.action()).isEqualTo(CLOSE);
                });
        assertThatThrownBy(() -> TaskLifecycle.next(DRAFT, START, null))
                .isInstanceOf(TaskLifecycle.IllegalTransition.class);
        assertThatThrownBy(() -> TaskLifecycle.next(CLOSE_REQUESTED, SUSPEND, null))
                .isInstanceOf(TaskLifecycle.IllegalTransition.class);
        assertThatThrownBy(() -> TaskLifecycle.next(ASSIGNED, RESUME, null))
                .isInstanceOf(TaskLifecycle.IllegalTransition.class);
    }

    @Test
    void aSuspensionKeepsTheDaysThatWereLeftAndResumesWithThem() {
        LocalDate deadline = LocalDate.of(2026, 6, 30);
        int left = TaskLifecycle.remainingDays(deadline, LocalDate.of(2026, 6, 20));

        assertThat(left).isEqualTo(10);
        assertThat(TaskLifecycle.resumedDeadline(left, LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 9, 11));
    }

    @Test
    void aTaskSuspendedAfterItsDeadlineResumesDueThatDay() {
        LocalDate deadline = LocalDate.of(2026, 6, 30);
        int left = TaskLifecycle.remainingDays(deadline, LocalDate.of(2026, 7, 5));

        assertThat(left).isZero();
        assertThat(TaskLifecycle.resumedDeadline(left, LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void onlyRejectionSuspensionAndCancellationNeedAReason() {
        assertThat(java.util.Arrays.stream(TaskAction.values()).filter(TaskAction::needsReason))
                .containsExactlyInAnyOrder(REJECT, SUSPEND, CANCEL);
        assertThat(java.util.Arrays.stream(TaskAction.values()).filter(TaskAction::byLeadUnit))
                .containsExactlyInAnyOrder(START, REQUEST_CLOSE);
    }
}
