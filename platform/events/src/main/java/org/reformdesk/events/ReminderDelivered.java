package org.reformdesk.events;

import java.time.Instant;
import java.util.UUID;

/** A reminder reached its recipient on one channel (for the in-app inbox: it is in the inbox). */
public record ReminderDelivered(UUID reminderId, UUID recipientId, String kind, UUID subjectId, String channel,
        Instant deliveredAt) implements ReformEvent {

    public static ReminderDelivered of(UUID reminderId, UUID recipientId, String kind, UUID subjectId, String channel,
            Instant deliveredAt) {
        return new ReminderDelivered(reminderId, recipientId, kind, subjectId, channel, deliveredAt);
    }

    @Override
    public EventType type() {
        return EventType.REMINDER_DELIVERED;
    }

    @Override
    public String subject() {
        return reminderId.toString();
    }
}
