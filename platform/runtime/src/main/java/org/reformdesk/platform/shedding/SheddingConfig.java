package org.reformdesk.platform.shedding;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How many {@link Sheddable} requests a service runs at once, and how long one may wait for a place. */
@ConfigMapping(prefix = "reform.shedding")
public interface SheddingConfig {

    /** Sheddable requests running at once; a further one waits for a place. */
    int maxConcurrent();

    /** How long a request waits for a place before it is answered 503. */
    Duration maxWait();
}
