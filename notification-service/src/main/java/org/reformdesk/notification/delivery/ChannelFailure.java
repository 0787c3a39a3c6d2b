package org.reformdesk.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel could not send a message; the message says why. Most failures are retried by the {@link RetryPolicy};
 * a vendor's rate limit is retried no sooner than the vendor asks ({@link #retryAfter()}); a failure that no retry
 * can mend (an unknown user id, an invalid number) is {@link #permanent()} and ends the delivery FAILED at once.
 */
class ChannelFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    private ChannelFailure(String reason, Throwable cause, boolean permanent, Duration retryAfter) {
        super(reason, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public ChannelFailure(String reason) {
        this(reason, null, false, null);
    }

    public ChannelFailure(String reason, Throwable cause) {
        this(reason, cause, false, null);
    }

    /** Sending again cannot help: the address is wrong or the vendor refuses the message for good. */
    public static ChannelFailure permanent(String reason) {
        return new ChannelFailure(reason, null, true, null);
    }

    /** The vendor asks to wait: a rate limit, a Retry-After. */
    public static ChannelFailure retryAfter(String reason, Duration wait) {
        return new ChannelFailure(reason, null, false, wait);
    }

    public boolean permanent() {
        return permanent;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
