package org.reformdesk.pilot.summaries;

import io.smallrye.config.ConfigMapping;
import org.reformdesk.platform.time.ReminderOffsets;

import java.util.List;

/** The pilots' summary calendar and its sweep. */
@ConfigMapping(prefix = "reform.summaries")
interface SummaryConfig {

    /** Day of the month (1–28) by which the previous period's summary is due. */
    int dueDay();

    /** Days after a pilot's planned end by which its final summary (一点一总结) is due. */
    int finalSummaryDays();

    /** How often the sweep looks for missing summaries, e.g. {@code 1h}; {@code off} disables it. */
    String sweepEvery();

    /** Pilots the sweep looks at per transaction (a page, in id order). */
    int batchSize();

    /** Days before a summary's due date at which the lead unit is reminded, once per offset (default 7, 3, 1). */
    List<Integer> reminderOffsets();

    default ReminderOffsets offsets() {
        return new ReminderOffsets(reminderOffsets());
    }

    default SummaryCalendar calendar() {
        return new SummaryCalendar(dueDay(), finalSummaryDays());
    }
}
