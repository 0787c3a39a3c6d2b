package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Mobile push through an FCM HTTP v1-shaped API. Kubernetes supplies the endpoint, project and access token. */
@ConfigMapping(prefix = "reform.channels.push")
public interface PushConfig {

    /** Off unless set: without a push service, push deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** The API's base URL; messages go to {@code <endpoint>/v1/projects/<project-id>/messages:send}. */
    Optional<URI> endpoint();

    Optional<String> projectId();

    /** An OAuth 2.0 access token for the messaging scope, kept fresh by the deployment. */
    Optional<String> accessToken();

    @WithDefault("10s")
    Duration timeout();
}
