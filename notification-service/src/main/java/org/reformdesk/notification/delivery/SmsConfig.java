package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The SMS gateway (温馨短信), in the shape of Alibaba Cloud's SendSms API: a signed form POST naming a
 * pre-approved template and its parameters. Kubernetes supplies the endpoint and keys.
 */
@ConfigMapping(prefix = "reform.channels.sms")
public interface SmsConfig {

    /** Off unless set: without a gateway, SMS deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** The gateway's URL. */
    Optional<URI> endpoint();

    Optional<String> accessKeyId();

    Optional<String> accessKeySecret();

    /** The approved signature (短信签名), e.g. 【市委改革办】. */
    Optional<String> signName();

    /** The approved template, with the variables {@code title} and {@code body}. */
    Optional<String> templateCode();

    @WithDefault("cn-hangzhou")
    String regionId();

    @WithDefault("10s")
    Duration timeout();
}
