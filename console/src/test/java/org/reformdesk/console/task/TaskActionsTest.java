package org.reformdesk.console.task;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskActionsTest {

    @Test
    void theLeadUnitStartsAnAssignedTaskAndRequestsCloseOut() {
        assertThat(actions("ASSIGNED", false, true)).containsExactly("START", "REQUEST_CLOSE");
        assertThat(actions("IN_PROGRESS", false, true)).containsExactly("REQUEST_CLOSE");
        assertThat(actions("CLOSE_REQUESTED", false, true)).isEmpty();
    }

    @Test
    void theReformOfficeVerifiesOrRejectsACloseOutWithAReason() {
        assertThat(TaskActions.offered("CLOSE_REQUESTED", true, false)).containsExactly(
                new TaskActions.Offer("CLOSE", false), new TaskActions.Offer("REJECT", true),
                new TaskActions.Offer("CANCEL", true));
    }

    @Test
    void theReformOfficeAssignsADraftSuspendsAndResumes() {
        assertThat(actions("DRAFT", true, false)).containsExactly("ASSIGN", "CANCEL");
        assertThat(actions("ASSIGNED", true, false)).containsExactly("START", "REQUEST_CLOSE", "SUSPEND", "CANCEL");
        assertThat(actions("SUSPENDED", true, false)).containsExactly("RESUME", "CANCEL");
    }

    @Test
    void aClosedTaskAndAReaderWithoutAUnitGetNothing() {
        assertThat(actions("CLOSED", true, false)).isEmpty();
        assertThat(actions("CANCELLED", true, false)).isEmpty();
        assertThat(actions("ASSIGNED", false, false)).as("a leader, inspector or another unit").isEmpty();
    }

    private static List<String> actions(String status, boolean office, boolean leadUnitOfficer) {
        return TaskActions.offered(status, office, leadUnitOfficer).stream().map(TaskActions.Offer::action).toList();
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void theLeadUnitAsksForAnExtensionWhileTheDeadlineRunsUpToItsLastDay() {
        assertThat(TaskActions.changes("IN_PROGRESS", false, true, TODAY, TODAY, false).requestExtension()).isTrue();
        assertThat(TaskActions.changes("CLOSE_REQUESTED", false, true, TODAY.plusDays(5), TODAY, false)
                .requestExtension()).isTrue();
        assertThat(TaskActions.changes("SUSPENDED", false, true, TODAY.plusDays(5), TODAY, false)
                .requestExtension()).as("a suspended task's clock stands still").isFalse();
    }

    @Test
    void afterTheDeadlineThePageSaysItIsTooLateInsteadOfOfferingTheForm() {
        TaskActions.Changes late = TaskActions.changes("IN_PROGRESS", false, true, TODAY.minusDays(1), TODAY, false);
        assertThat(late.requestExtension()).isFalse();
        assertThat(late.extensionTooLate()).isTrue();
    }

    @Test
    void aPendingRequestIsDecidedByTheOfficeAndNotAskedForAgain() {
        TaskActions.Changes unit = TaskActions.changes("IN_PROGRESS", false, true, TODAY.plusDays(3), TODAY, true);
        assertThat(unit.requestExtension()).isFalse();
        assertThat(unit.decideExtension()).isFalse();
        assertThat(TaskActions.changes("IN_PROGRESS", true, false, TODAY.plusDays(3), TODAY, true).decideExtension())
                .isTrue();
    }

    @Test
    void onlyTheOfficeEditsAndReassignsAndNotAClosedOrCancelledTask() {
        TaskActions.Changes office = TaskActions.changes("ASSIGNED", true, false, TODAY, TODAY, false);
        assertThat(office.edit()).isTrue();
        assertThat(office.reassign()).isTrue();
        TaskActions.Changes unit = TaskActions.changes("ASSIGNED", false, true, TODAY, TODAY, false);
        assertThat(unit.edit()).isFalse();
        assertThat(unit.reassign()).isFalse();
        assertThat(TaskActions.changes("CLOSED", true, false, TODAY, TODAY, false).edit()).isFalse();
        assertThat(TaskActions.changes("CANCELLED", true, false, TODAY, TODAY, false).reassign()).isFalse();
    }

    @Test
    void aReaderOfAnotherUnitIsOfferedNothing() {
        assertThat(TaskActions.changes("IN_PROGRESS", false, false, TODAY.plusDays(3), TODAY, true))
                .isEqualTo(new TaskActions.Changes(false, false, false, false, false));
    }
}
