package org.reformdesk.events;

import java.util.UUID;

/**
 * A person left the directory (left the post); copies drop them and stop addressing reminders to them.
 */
public record PersonRemoved(UUID personId, UUID unitId) implements ReformEvent {

    public static PersonRemoved of(UUID personId, UUID unitId) {
        return new PersonRemoved(personId, unitId);
    }

    @Override
    public EventType type() {
        return EventType.PERSON_REMOVED;
    }

    @Override
    public String subject() {
        return personId.toString();
    }
}
