package org.reformdesk.pilot.summaries;

import io.smallrye.config.ConfigMapping;

/** The pilots' summary calendar and its sweep. */
@ConfigMapping(prefix = "reform.summaries")
public interface SummaryConfig {

    /** Day of the month (1–28) by which the previous period's summary is due. */
    int dueDay();

    /** Days after a pilot's planned end by which its final summary (一点一总结) is due. */
    int finalSummaryDays();

    /** How often the sweep looks for missing summaries, e.g. {@code 1h}; {@code off} disables it. */
    String sweepEvery();

    default SummaryCalendar calendar() {
        return new SummaryCalendar(dueDay(), finalSummaryDays());
    }
}
