package org.reformdesk.notification.reminders;

/** How far a reminder got on its channel. */
public enum DeliveryState {
    /** Waiting for its turn: the dispatcher, the morning after quiet hours, a retry, or the directory. */
    PENDING,
    /** Handed to the SMS gateway, the mail server or the push service. */
    SENT,
    /** In the inbox. */
    DELIVERED,
    /** Gave up after the retries; the reason says why. */
    FAILED,
    /** Read in the inbox by its recipient. */
    READ,
    /** The channel was not used: not configured, no address, the person left or the subject closed. */
    SKIPPED
}
