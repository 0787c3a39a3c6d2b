package org.reformdesk.platform.outbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the relay drains the outbox. */
@ConfigMapping(prefix = "reform.outbox")
public interface OutboxConfig {

    /** Events published per transaction. */
    int batchSize();

    /** How often the relay looks for events when nothing wakes it (a commit wakes it at once). */
    Duration pollInterval();

    /** How long a batch may wait for the broker's acknowledgement before it is retried. */
    Duration sendTimeout();
}
