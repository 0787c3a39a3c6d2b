package org.reformdesk.console.task;

import org.junit.jupiter.api.Test;

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
}
