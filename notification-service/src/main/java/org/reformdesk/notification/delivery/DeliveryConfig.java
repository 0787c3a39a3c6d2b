package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.reformdesk.notification.rules.ReminderKind;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/** How deliveries on the channels besides the inbox are dispatched and retried. */
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

    /** The longest wait between two attempts, unless the vendor asks for longer (rate limits, Retry-After). */
    Duration maxBackoff();

    /** How long a taken delivery stays with one dispatcher before another replica may try it. */
    Duration lease();

    /** The office's quiet hours for what wakes a phone, city time: start, e.g. {@code 22:00}; a person may set their own. */
    LocalTime quietFrom();

    /** Quiet hours end: held messages go out at this time in the morning, e.g. {@code 08:00}. */
    LocalTime quietUntil();

    /** When a person's daily digest goes out if they turn it on without naming a time, city time. */
    @WithDefault("08:30")
    LocalTime digestAt();

    /** Push urgency by kind (RFC 8030), e.g. {@code reform.delivery.urgency.TASK_OVERDUE=HIGH}; others NORMAL. */
    Map<ReminderKind, Urgency> urgency();

    /** How long a push service keeps a message for a phone that is off, by kind; others {@link #defaultTimeToLive()}. */
    Map<ReminderKind, Duration> timeToLive();

    @WithDefault("P1D")
    Duration defaultTimeToLive();

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(attempts(), backoff(), maxBackoff());
    }

    default QuietHours quietHours() {
        return new QuietHours(quietFrom(), quietUntil());
    }

    /** What the office configures for a kind; a reminder the office insists on is at least HIGH. */
    default Urgency urgencyOf(ReminderKind kind, boolean mandatory) {
        return mandatory ? Urgency.HIGH : urgency().getOrDefault(kind, Urgency.NORMAL);
    }

    default Duration timeToLiveOf(ReminderKind kind) {
        return timeToLive().getOrDefault(kind, defaultTimeToLive());
    }
}
