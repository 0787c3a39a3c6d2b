package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/** Where people open the web console: messages on the work messengers and push link to it. */
@ConfigMapping(prefix = "reform.console")
interface ConsoleConfig {

    /** The console's address as people reach it, e.g. {@code https://reform.km.gov.cn}. */
    @WithDefault("http://127.0.0.1:8080")
    URI baseUrl();

    /** The console's 我的提醒 page (its /inbox), which a message links to. */
    default URI inboxPage() {
        return URI.create(baseUrl().toString().replaceAll("/+$", "") + "/inbox");
    }
}
