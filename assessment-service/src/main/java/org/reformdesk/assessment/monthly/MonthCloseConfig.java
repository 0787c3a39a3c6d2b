package org.reformdesk.assessment.monthly;

import io.smallrye.config.ConfigMapping;

/** When months are closed. */
@ConfigMapping(prefix = "reform.month-close")
interface MonthCloseConfig {

    /**
     * How often to close every ended month not yet closed (the schedule catches up), e.g. {@code 10m}; {@code off}
     * disables it.
     */
    String every();
}
