package org.reformdesk.task.extension;

import org.junit.jupiter.api.Test;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionRulesTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    @Test
    void aRequestMayComeUpToTheLastDayOfTheDeadline() {
        assertThatCode(() -> ExtensionRules.checkRequest("T-1", TaskStatus.IN_PROGRESS, DEADLINE, DEADLINE,
                DEADLINE.plusMonths(3))).doesNotThrowAnyException();
        assertThatCode(() -> ExtensionRules.checkRequest("T-1", TaskStatus.CLOSE_REQUESTED, DEADLINE,
                DEADLINE.minusDays(30), DEADLINE.plusDays(1))).doesNotThrowAnyException();
    }

    @Test
    void aRequestAfterTheDeadlinePassedIsUnprocessable() {
        assertThatThrownBy(() -> ExtensionRules.checkRequest("T-1", TaskStatus.IN_PROGRESS, DEADLINE,
                DEADLINE.plusDays(1), DEADLINE.plusMonths(3)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("2026-06-30").contains("before the deadline passes");
                });
    }

    @Test
    void aRequestMustAskForALaterDate() {
        assertThatThrownBy(() -> ExtensionRules.checkRequest("T-1", TaskStatus.ASSIGNED, DEADLINE,
                DEADLINE.minusDays(5), DEADLINE))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error ->
                            assertThat(error.field()).isEqualTo("requestedDeadline"));
                });
    }

    @Test
    void aTaskWhoseDeadlineDoesNotRunHasNothingToExtend() {
        for (TaskStatus status : new TaskStatus[] {TaskStatus.DRAFT, TaskStatus.SUSPENDED, TaskStatus.CLOSED,
                TaskStatus.CANCELLED}) {
            assertThatThrownBy(() -> ExtensionRules.checkRequest("T-1", status, DEADLINE, DEADLINE.minusDays(5),
                    DEADLINE.plusDays(30)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        }
    }

    @Test
    void anApprovalGrantsTheDateAskedForOrAnEarlierOneStillLater() {
        LocalDate asked = DEADLINE.plusMonths(3);
        LocalDate today = DEADLINE.minusDays(3);

        assertThat(ExtensionRules.approvedDeadline(null, asked, DEADLINE, today)).isEqualTo(asked);
        assertThat(ExtensionRules.approvedDeadline(DEADLINE.plusMonths(1), asked, DEADLINE, today))
                .isEqualTo(DEADLINE.plusMonths(1));
        assertThatThrownBy(() -> ExtensionRules.approvedDeadline(DEADLINE, asked, DEADLINE, today))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error ->
                            assertThat(error.field()).isEqualTo("deadline"));
                });
    }

    @Test
    void anApprovalLateAfterTheDeadlineCannotGrantADayAlreadyGone() {
        LocalDate today = DEADLINE.plusDays(20);

        assertThatThrownBy(() -> ExtensionRules.approvedDeadline(null, DEADLINE.plusDays(10), DEADLINE, today))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(ExtensionRules.approvedDeadline(today, DEADLINE.plusDays(10), DEADLINE, today)).isEqualTo(today);
    }
}
