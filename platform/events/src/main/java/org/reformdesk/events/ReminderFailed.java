package org.reformdesk.events;

import java.util.UUID;

/**
 * A reminder could not be delivered on a channel after its retries; the reason says why.
 */
public record ReminderFailed(UUID reminderId, UUID recipientId, String kind, UUID subjectId, String channel,
        String reason) implements ReformEvent {

    public static ReminderFailed of(UUID reminderId, UUID recipientId, String kind, UUID subjectId,
            String channel, String reason) {
        return new ReminderFailed(reminderId, recipientId, kind, subjectId, channel, reason);
    }

    @Override
    public EventType type() {
        return EventType.REMINDER_FAILED;
    }

    @Override
    public String subject() {
        return reminderId.toString();
    }
}
