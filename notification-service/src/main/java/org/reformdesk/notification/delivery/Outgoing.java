package org.reformdesk.notification.delivery;

import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;

import java.util.UUID;

/** One message for a channel to send: the reminder's words and the recipient's address on that channel. */
public record Outgoing(Channel channel, UUID reminderId, ReminderKind kind, UUID subjectId, String address, String language,
        String title, String body) {
}
