package org.reformdesk.console.supervision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderActionsTest {

    @Test
    void theTargetUnitAcknowledgesAndAnswersAnIssuedOrder() {
        assertThat(actions("ISSUED", true, false)).containsExactly("ACKNOWLEDGE", "ANSWER");
        assertThat(actions("ACKNOWLEDGED", true, false)).containsExactly("ANSWER");
        assertThat(actions("ANSWERED", true, false)).isEmpty();
    }

    @Test
    void theOfficeOrAnInspectorAcceptsRejectsOrClosesAnAnswer() {
        assertThat(actions("ANSWERED", false, true)).containsExactly("ACCEPT", "REJECT", "CLOSE");
        assertThat(actions("ISSUED", false, true)).containsExactly("CLOSE");
    }

    @Test
    void aClosedOrEscalatedOrderOffersNothing() {
        assertThat(actions("CLOSED", true, true)).isEmpty();
        assertThat(actions("SUPERSEDED", true, true)).isEmpty();
        assertThat(actions("ISSUED", false, false)).as("a leader").isEmpty();
    }

    @Test
    void anAnswerARejectionAndAClosingNeedANote() {
        assertThat(OrderActions.offered("ANSWERED", false, true)).containsExactly(
                new OrderActions.Offer("ACCEPT", false), new OrderActions.Offer("REJECT", true),
                new OrderActions.Offer("CLOSE", true));
        assertThat(OrderActions.offered("ISSUED", true, false)).containsExactly(
                new OrderActions.Offer("ACKNOWLEDGE", false), new OrderActions.Offer("ANSWER", true));
    }

    private static List<String> actions(String state, boolean targetUnitOfficer, boolean supervisor) {
        return OrderActions.offered(state, targetUnitOfficer, supervisor).stream().map(OrderActions.Offer::action)
                .toList();
    }
}
