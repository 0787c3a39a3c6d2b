package org.reformdesk.notification.inbox;

/** Fired when a reminder lands in an inbox; observed after commit to feed the live streams. */
public record InboxArrival(ReminderView reminder) {
}
