package org.reformdesk.inspection.inspections;

import io.smallrye.config.ConfigMapping;

/** The rectification deadline sweep. */
@ConfigMapping(prefix = "reform.rectification")
public interface RectificationConfig {

    /** How often the sweep runs, e.g. {@code 1m}; {@code off} disables the schedule. */
    String sweepEvery();

    /** Items the sweep handles per transaction. */
    int batchSize();
}
