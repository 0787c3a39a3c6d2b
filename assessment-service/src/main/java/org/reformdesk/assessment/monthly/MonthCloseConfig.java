package org.reformdesk.assessment.monthly;

import io.smallrye.config.ConfigMapping;

/** When months are closed. */
@ConfigMapping(prefix = "reform.month-close")
public interface MonthCloseConfig {

    /** How often to look for ended months not yet closed, e.g. {@code 10m}; {@code off} disables it. */
    String every();
}
