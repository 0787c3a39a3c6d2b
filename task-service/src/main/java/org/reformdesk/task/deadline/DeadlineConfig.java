package org.reformdesk.task.deadline;

import io.smallrye.config.ConfigMapping;
import org.reformdesk.platform.time.ReminderOffsets;

import java.util.List;

/** The deadline sweep and the reminder offsets. */
@ConfigMapping(prefix = "reform.deadline")
interface DeadlineConfig {

    /** How often the sweep runs, e.g. {@code 1m}; {@code off} disables the schedule. */
    String sweepEvery();

    /** Candidates the sweep looks at per transaction (a page, in key order): at most as many signals. */
    int batchSize();

    /** Days before a deadline or milestone at which a due-soon reminder goes out; the largest opens DUE_SOON. */
    List<Integer> reminderOffsets();

    default ReminderOffsets offsets() {
        return new ReminderOffsets(reminderOffsets());
    }
}
