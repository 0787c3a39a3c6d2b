package org.reformdesk.inspection.orders;

/** An action the order's current state does not allow, e.g. accepting an answer nobody gave. */
class IllegalOrderTransition extends RuntimeException {

    private final OrderState current;
    private final OrderAction action;

    public IllegalOrderTransition(OrderState current, OrderAction action) {
        super("An order in state " + current + " cannot take the action " + action + ".");
        this.current = current;
        this.action = action;
    }

    public OrderState current() {
        return current;
    }

    public OrderAction action() {
        return action;
    }
}
