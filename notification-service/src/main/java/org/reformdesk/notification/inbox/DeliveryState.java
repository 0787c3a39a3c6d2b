package org.reformdesk.notification.inbox;

/** How far a reminder got on its channel. */
public enum DeliveryState {
    PENDING,
    SENT,
    DELIVERED,
    FAILED,
    READ
}
