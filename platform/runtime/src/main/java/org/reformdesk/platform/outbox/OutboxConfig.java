package org.reformdesk.platform.outbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the relay drains the outbox. */
@ConfigMapping(prefix = "reform.outbox")
public interface OutboxConfig {

    /**
     * Events sent per batch, from memory or from a poll; also how many unsent events a replica may hold in memory
     * before new commits are left to the poll (a burst).
     */
    int batchSize();

    /**
     * How often the relay polls the table for events no commit handed it (a crash between commit and send, another
     * replica's backlog), however busy the hand-offs keep it; a commit it cannot send from memory polls at once.
     */
    Duration pollInterval();

    /** How long a batch may wait for the broker's acknowledgement before it is retried. */
    Duration sendTimeout();
}
