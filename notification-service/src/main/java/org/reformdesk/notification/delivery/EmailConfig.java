package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail through quarkus-mailer, whose SMTP settings are under quarkus.mailer.*. */
@ConfigMapping(prefix = "reform.channels.email")
interface EmailConfig {

    /** Off unless set: without it, e-mail deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();
}
