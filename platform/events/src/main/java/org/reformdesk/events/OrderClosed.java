package org.reformdesk.events;

import java.util.UUID;

/** An order was closed: its answer accepted, or its subject closed or completed (the reason says which). */
public record OrderClosed(UUID orderId, Rung rung, UUID subjectId, UUID targetUnitId, String reason)
        implements ReformEvent {

    public static OrderClosed of(UUID orderId, Rung rung, UUID subjectId, UUID targetUnitId, String reason) {
        return new OrderClosed(orderId, rung, subjectId, targetUnitId, reason);
    }

    @Override
    public EventType type() {
        return EventType.ORDER_CLOSED;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
