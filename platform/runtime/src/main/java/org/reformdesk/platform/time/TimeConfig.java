package org.reformdesk.platform.time;

import io.smallrye.config.ConfigMapping;

import java.time.ZoneId;

/** The city's time. */
@ConfigMapping(prefix = "reform.time")
public interface TimeConfig {

    /** The city's zone: deadlines are local dates that fall due at the end of the day here. */
    ZoneId zone();

    /** Whether the clock may be moved over REST; only tests and the local demo set this. */
    boolean movable();
}
