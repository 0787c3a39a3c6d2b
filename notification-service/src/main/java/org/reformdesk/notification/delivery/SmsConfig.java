package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * 温馨短信 through Alibaba Cloud's SMS service (短信服务, SendSms): a pre-approved signature and template with the
 * variables {@code title} and {@code body}. Kubernetes supplies the keys (Secret notification-service-channels).
 */
@ConfigMapping(prefix = "reform.channels.sms")
interface SmsConfig {

    /** Off unless set: without it, SMS deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** The API's address; another only for a test gateway or a private endpoint. */
    @WithDefault("https://dysmsapi.aliyuncs.com")
    URI endpoint();

    /** A RAM user's AccessKey with the AliyunDysmsFullAccess (or SendSms-only) policy. */
    Optional<String> accessKeyId();

    Optional<String> accessKeySecret();

    /** The approved signature (短信签名), e.g. 市委改革办. */
    Optional<String> signName();

    /** The approved template (短信模板), with the variables {@code title} and {@code body}. */
    Optional<String> templateCode();

    @WithDefault("cn-hangzhou")
    String regionId();

    @WithDefault("10s")
    Duration timeout();

    /**
     * The longest value of one template variable, longer ones are cut with an ellipsis: Alibaba Cloud takes at most
     * 35 characters for a variable of a notice template.
     */
    @WithDefault("35")
    int maxVariableLength();
}
