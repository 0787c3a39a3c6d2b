package org.reformdesk.notification.reminders;

/** Fired when a reminder lands in an inbox; observed after commit to feed the live streams. */
public record InboxArrival(ReminderView reminder) {
}
