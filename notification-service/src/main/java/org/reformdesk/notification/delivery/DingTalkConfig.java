package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * 钉钉 (DingTalk) messages from the city's internal application (企业内部应用) and its robot, or a city's 政务钉钉
 * under its own address. The application needs the permission to send one-to-one robot messages (企业内机器人发送消息).
 */
@ConfigMapping(prefix = "reform.channels.dingtalk")
interface DingTalkConfig {

    /** Off unless set: without it, DingTalk deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** The API's address (the new API, api.dingtalk.com), or the city's 政务钉钉 gateway. */
    @WithDefault("https://api.dingtalk.com")
    URI endpoint();

    /** The application's AppKey (Client ID). */
    Optional<String> appKey();

    /** The application's AppSecret (from the Secret notification-service-channels). */
    Optional<String> appSecret();

    /** The application robot's code; DingTalk gives an internal application's robot its AppKey. */
    Optional<String> robotCode();

    @WithDefault("10s")
    Duration timeout();

    /** How long before the access token expires it is fetched again. */
    @WithDefault("5m")
    Duration refreshMargin();
}
