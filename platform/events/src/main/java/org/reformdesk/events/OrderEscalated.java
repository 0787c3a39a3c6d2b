package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An order got no accepted answer by its reply-by date and moved one rung up: {@code orderId} is the new order,
 * which supersedes {@code supersededOrderId}. From the second rung the responsible leader is copied.
 */
public record OrderEscalated(UUID orderId, UUID supersededOrderId, Rung rung, String subjectType, UUID subjectId,
        String subjectTitle, UUID targetUnitId, LocalDate issuedOn, LocalDate replyBy, UUID responsibleLeaderId)
        implements ReformEvent {

    public static OrderEscalated of(UUID orderId, UUID supersededOrderId, Rung rung, String subjectType,
            UUID subjectId, String subjectTitle, UUID targetUnitId, LocalDate issuedOn, LocalDate replyBy,
            UUID responsibleLeaderId) {
        return new OrderEscalated(orderId, supersededOrderId, rung, subjectType, subjectId, subjectTitle,
                targetUnitId, issuedOn, replyBy, responsibleLeaderId);
    }

    @Override
    public EventType type() {
        return EventType.ORDER_ESCALATED;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
