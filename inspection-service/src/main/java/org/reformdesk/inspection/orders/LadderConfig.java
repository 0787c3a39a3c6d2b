package org.reformdesk.inspection.orders;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** The ladder in force for new orders, and the escalation sweep. */
@ConfigMapping(prefix = "reform.ladder")
interface LadderConfig {

    /** Days to reply on each rung, lowest first. */
    List<Integer> replyByDays();

    /** Whether reply-by days are calendar or working days. */
    DayCount dayCount();

    /** How often the escalation sweep runs, e.g. {@code 1m}; {@code off} disables the schedule. */
    String sweepEvery();

    /** Orders the escalation sweep handles per transaction. */
    int batchSize();

    default Ladder ladder() {
        return new Ladder(replyByDays(), dayCount());
    }
}
