package org.reformdesk.notification.delivery;

import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * One message for a channel to send: the reminder's words, the recipient's address on that channel, the console
 * page it links to, and how urgent it is and how long a push service may keep it (from its kind).
 */
record Outgoing(Channel channel, UUID reminderId, UUID recipientId, ReminderKind kind, UUID subjectId,
        String address, String language, String title, String body, URI link, Urgency urgency,
        Duration timeToLive) {
}
