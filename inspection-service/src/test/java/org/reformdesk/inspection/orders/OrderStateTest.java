package org.reformdesk.inspection.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStateTest {

    @Test
    void anOrderIsAcknowledgedAnsweredAndClosedWhenTheAnswerIsAccepted() {
        OrderState state = OrderState.ISSUED.after(OrderAction.ACKNOWLEDGE);
        assertThat(state).isEqualTo(OrderState.ACKNOWLEDGED);
        state = state.after(OrderAction.ANSWER);
        assertThat(state).isEqualTo(OrderState.ANSWERED);
        assertThat(state.after(OrderAction.ACCEPT)).isEqualTo(OrderState.CLOSED);
    }

    @Test
    void aRejectedAnswerGoesBackToTheUnitToAnswerAgain() {
        OrderState rejected = OrderState.ANSWERED.after(OrderAction.REJECT);
        assertThat(rejected).isEqualTo(OrderState.ACKNOWLEDGED);
        assertThat(rejected.isOpen()).isTrue();
        assertThat(rejected.after(OrderAction.ANSWER)).isEqualTo(OrderState.ANSWERED);
    }

    @Test
    void aUnitMayAnswerWithoutAcknowledgingFirst() {
        assertThat(OrderState.ISSUED.after(OrderAction.ANSWER)).isEqualTo(OrderState.ANSWERED);
    }

    @Test
    void anAnswerNobodyGaveCannotBeAcceptedOrRejected() {
        assertThatThrownBy(() -> OrderState.ISSUED.after(OrderAction.ACCEPT))
                .isInstanceOfSatisfying(IllegalOrderTransition.class,
                        e -> assertThat(e.current()).isEqualTo(OrderState.ISSUED));
        assertThatThrownBy(() -> OrderState.ACKNOWLEDGED.after(OrderAction.REJECT))
                .isInstanceOf(IllegalOrderTransition.class);
    }

    @Test
    void closedAndSupersededOrdersTakeNoFurtherAction() {
        for (OrderState done : new OrderState[] {OrderState.CLOSED, OrderState.SUPERSEDED}) {
            assertThat(done.isOpen()).isFalse();
            for (OrderAction action : OrderAction.values()) {
                assertThatThrownBy(() -> done.after(action)).isInstanceOf(IllegalOrderTransition.class);
            }
        }
    }

    @Test
    void anyOpenOrderCanBeSupersededOrClosed() {
        for (OrderState open : OrderState.OPEN) {
            assertThat(open.after(OrderAction.SUPERSEDE)).isEqualTo(OrderState.SUPERSEDED);
            assertThat(open.after(OrderAction.CLOSE)).isEqualTo(OrderState.CLOSED);
        }
    }
}
