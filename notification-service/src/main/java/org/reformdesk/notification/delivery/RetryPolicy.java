package org.reformdesk.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a failing channel is retried: up to {@code attempts} tries, waiting {@code backoff} after the first
 * failure and twice as long after each further one, never more than {@code maxBackoff}. A vendor that asks for a
 * longer wait (rate limit, Retry-After) gets it, even past {@code maxBackoff}: sooner would only be refused again.
 * A permanent failure (unknown user, invalid number) is not retried at all.
 */
record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("At least one attempt");
        }
    }

    /** When to try again after {@code attemptsMade} failed attempts; empty when it is time to give up. */
    public Optional<Instant> retryAt(int attemptsMade, Instant now) {
        return retryAt(attemptsMade, now, new ChannelFailure("failed"));
    }

    /** When to try again after {@code attemptsMade} attempts, the last of which failed so. */
    public Optional<Instant> retryAt(int attemptsMade, Instant now, ChannelFailure failure) {
        if (failure.permanent() || attemptsMade >= attempts) {
            return Optional.empty();
        }
        Duration wait = backoff;
        for (int i = 1; i < attemptsMade && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        Duration policy = wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        return Optional.of(now.plus(failure.retryAfter().filter(asked -> asked.compareTo(policy) > 0).orElse(policy)));
    }
}
