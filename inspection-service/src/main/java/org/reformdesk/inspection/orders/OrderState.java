package org.reformdesk.inspection.orders;

/** Where a supervision order is: issued to the unit, acknowledged, answered, and closed or superseded. */
public enum OrderState {
    ISSUED,
    ACKNOWLEDGED,
    ANSWERED,
    /** The answer was accepted, or the subject itself was closed. */
    CLOSED,
    /** Escalated: the next rung's order replaced it. */
    SUPERSEDED;

    public boolean isOpen() {
        return this == ISSUED || this == ACKNOWLEDGED || this == ANSWERED;
    }
}
