package org.reformdesk.events;

import java.util.UUID;

/**
 * An accountability measure (问责) was recorded against a unit (and a person, where named) for a subject
 * (task, pilot, finding or order) whose supervision reached the top rung or failed verification.
 */
public record AccountabilityRecorded(UUID recordId, UUID unitId, UUID personId, String subjectType,
        UUID subjectId, String measure, String basis) implements ReformEvent {

    public static AccountabilityRecorded of(UUID recordId, UUID unitId, UUID personId, String subjectType,
            UUID subjectId, String measure, String basis) {
        return new AccountabilityRecorded(recordId, unitId, personId, subjectType, subjectId, measure, basis);
    }

    @Override
    public EventType type() {
        return EventType.ACCOUNTABILITY_RECORDED;
    }

    @Override
    public String subject() {
        return recordId.toString();
    }
}
