package org.reformdesk.task.deadline;

import io.smallrye.config.ConfigMapping;

/** The deadline sweep. */
@ConfigMapping(prefix = "reform.deadline")
public interface DeadlineConfig {

    /** How often the sweep runs, e.g. {@code 1m}; {@code off} disables the schedule. */
    String sweepEvery();

    /** Tasks the sweep handles per transaction. */
    int batchSize();
}
