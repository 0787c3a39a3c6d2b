package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * 企业微信 (WeCom) application messages, or a city's 政务微信, which serves the same API under its own address. The
 * city creates a self-built application (自建应用) whose visible range (可见范围) covers the people to remind.
 */
@ConfigMapping(prefix = "reform.channels.wecom")
interface WeComConfig {

    /** Off unless set: without it, WeCom deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** The API's address: WeCom's own, or the city's 政务微信 (e.g. https://zwwx.example.gov.cn). */
    @WithDefault("https://qyapi.weixin.qq.com")
    URI baseUrl();

    /** 企业ID (corpid). */
    Optional<String> corpId();

    /** The application's AgentId. */
    Optional<Integer> agentId();

    /** The application's Secret (from the Secret notification-service-channels). */
    Optional<String> secret();
}
