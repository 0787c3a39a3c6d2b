package org.reformdesk.platform.inbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How hard a consumer tries before a record goes to the dead-letter topic. */
@ConfigMapping(prefix = "reform.inbox")
public interface InboxConfig {

    /** Attempts at an event whose handling fails (a lost connection, a lock timeout). */
    int attempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    Duration backoff();

    /**
     * How long a batch's transaction may take: up to 500 events, and it may first wait for another batch's locks
     * (assessment serialises scoring), so longer than a request's.
     */
    Duration batchTimeout();
}
