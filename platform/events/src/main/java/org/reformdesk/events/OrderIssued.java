package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/** A supervision order (督办单) was issued to a unit about a subject (a task, pilot or finding). */
public record OrderIssued(UUID orderId, Rung rung, String subjectType, UUID subjectId, String subjectTitle,
        UUID targetUnitId, LocalDate issuedOn, LocalDate replyBy, String reason) implements ReformEvent {

    public static OrderIssued of(UUID orderId, Rung rung, String subjectType, UUID subjectId, String subjectTitle,
            UUID targetUnitId, LocalDate issuedOn, LocalDate replyBy, String reason) {
        return new OrderIssued(orderId, rung, subjectType, subjectId, subjectTitle, targetUnitId, issuedOn, replyBy,
                reason);
    }

    @Override
    public EventType type() {
        return EventType.ORDER_ISSUED;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
