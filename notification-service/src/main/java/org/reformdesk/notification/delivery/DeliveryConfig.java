package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.LocalTime;

/** How deliveries on SMS, e-mail and push are dispatched and retried. */
@ConfigMapping(prefix = "reform.delivery")
public interface DeliveryConfig {

    /** How often the dispatcher looks for deliveries that are due, e.g. {@code 1s}; {@code off} disables it. */
    String pollEvery();

    /** Deliveries one dispatcher pass takes. */
    int batchSize();

    /** Attempts on a failing channel before the delivery is FAILED and ReminderFailed is published. */
    int attempts();

    /** The wait after the first failure; it doubles after each further one. */
    Duration backoff();

    /** The longest wait between two attempts. */
    Duration maxBackoff();

    /** How long a taken delivery stays with one dispatcher before another replica may try it. */
    Duration lease();

    /** Quiet hours for SMS and push, in the city's time zone: start, e.g. {@code 22:00}. */
    LocalTime quietFrom();

    /** Quiet hours end: held messages go out at this time in the morning, e.g. {@code 08:00}. */
    LocalTime quietUntil();

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(attempts(), backoff(), maxBackoff());
    }

    default QuietHours quietHours() {
        return new QuietHours(quietFrom(), quietUntil());
    }
}
