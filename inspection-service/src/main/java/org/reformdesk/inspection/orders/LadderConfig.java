package org.reformdesk.inspection.orders;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** The ladder in force for new orders. */
@ConfigMapping(prefix = "reform.ladder")
public interface LadderConfig {

    /** Days to reply on each rung, lowest first. */
    List<Integer> replyByDays();
}
