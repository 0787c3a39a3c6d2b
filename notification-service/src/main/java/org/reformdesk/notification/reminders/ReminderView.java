package org.reformdesk.notification.reminders;

import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;

import java.time.Instant;
import java.util.UUID;

/** A reminder as its reader sees it. */
public record ReminderView(UUID id, UUID recipientId, ReminderKind kind, UUID subjectId, String occasion,
        Channel channel, String title, String body, String language, DeliveryState state, int attempts,
        String reason, Instant createdAt, Instant deliveredAt, Instant readAt, String readBy) {

    public static ReminderView of(Reminder reminder) {
        return new ReminderView(reminder.id, reminder.recipientId, reminder.kind, reminder.subjectId,
                reminder.occasion, reminder.channel, reminder.title, reminder.body, reminder.language,
                reminder.state, reminder.attempts, reminder.reason, reminder.createdAt, reminder.deliveredAt,
                reminder.readAt, reminder.readBy);
    }
}
