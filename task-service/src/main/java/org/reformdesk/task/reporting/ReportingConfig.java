package org.reformdesk.task.reporting;

import io.smallrye.config.ConfigMapping;

/** When monthly progress reports fall due. */
@ConfigMapping(prefix = "reform.reporting")
interface ReportingConfig {

    /** Day of the month by which the month's report is due (a shorter month uses its last day). */
    int reportDay();
}
