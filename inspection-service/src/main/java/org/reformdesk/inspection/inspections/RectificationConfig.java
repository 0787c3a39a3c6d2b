package org.reformdesk.inspection.inspections;

import io.smallrye.config.ConfigMapping;
import org.reformdesk.platform.time.ReminderOffsets;

import java.util.List;

/** The rectification deadline sweep and its reminders before the deadline. */
@ConfigMapping(prefix = "reform.rectification")
interface RectificationConfig {

    /** How often the sweep runs, e.g. {@code 1m}; {@code off} disables the schedule. */
    String sweepEvery();

    /** Items the sweep handles per transaction. */
    int batchSize();

    /** Days before an item's deadline at which the unit is reminded, once per offset (DOMAIN.md: 7, 3 and 1). */
    List<Integer> reminderOffsets();

    default ReminderOffsets offsets() {
        return new ReminderOffsets(reminderOffsets());
    }
}
