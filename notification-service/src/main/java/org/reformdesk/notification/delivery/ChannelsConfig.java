package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What holds for every channel (each channel's own settings are under reform.channels.<channel>). */
@ConfigMapping(prefix = "reform.channels")
interface ChannelsConfig {

    /**
     * The local run's preview: a channel that is not configured writes to the log what it would have sent, and the
     * delivery is SKIPPED saying so, instead of only being SKIPPED. Never in production.
     */
    @WithDefault("false")
    boolean preview();
}
