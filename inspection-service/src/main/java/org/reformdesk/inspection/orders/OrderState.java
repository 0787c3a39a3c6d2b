package org.reformdesk.inspection.orders;

import java.util.Arrays;
import java.util.List;

/**
 * Where a supervision order is: issued to the unit, acknowledged, answered, and closed or superseded. An
 * answer that is rejected sends the order back to ACKNOWLEDGED, so the unit answers again.
 */
enum OrderState {
    ISSUED,
    ACKNOWLEDGED,
    ANSWERED,
    /** The answer was accepted, or the subject itself was closed. */
    CLOSED,
    /** Escalated: the next rung's order replaced it. */
    SUPERSEDED;

    /** The states of an order still waiting for an accepted answer. */
    public static final List<OrderState> OPEN = Arrays.stream(values()).filter(OrderState::isOpen).toList();

    public boolean isOpen() {
        return this == ISSUED || this == ACKNOWLEDGED || this == ANSWERED;
    }

    /**
     * The state after {@code action}.
     *
     * @throws IllegalOrderTransition if the action is not allowed in this state
     */
    public OrderState after(OrderAction action) {
        OrderState next = switch (action) {
            case ACKNOWLEDGE -> this == ISSUED ? ACKNOWLEDGED : null;
            case ANSWER -> this == ISSUED || this == ACKNOWLEDGED ? ANSWERED : null;
            case ACCEPT -> this == ANSWERED ? CLOSED : null;
            case REJECT -> this == ANSWERED ? ACKNOWLEDGED : null;
            case CLOSE, SUPERSEDE -> isOpen() ? (action == OrderAction.CLOSE ? CLOSED : SUPERSEDED) : null;
        };
        if (next == null) {
            throw new IllegalOrderTransition(this, action);
        }
        return next;
    }
}
