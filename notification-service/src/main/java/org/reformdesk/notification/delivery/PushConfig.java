package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The mobile app's push through FCM HTTP v1 (outside mainland China only: Google's services are not reachable
 * there). A Firebase service account's JSON key (a file, from the Secret notification-service-channels) is exchanged
 * for OAuth access tokens by Google's own library; no token is ever configured.
 */
@ConfigMapping(prefix = "reform.channels.push")
interface PushConfig {

    /** Off unless set: without it, push deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** The service account's JSON key file (Firebase console → Project settings → Service accounts). */
    Optional<Path> serviceAccountFile();

    /** The Firebase project; by default the service account's {@code project_id}. */
    Optional<String> projectId();

    /** FCM's address; messages go to {@code <endpoint>/v1/projects/<project-id>/messages:send}. */
    @WithDefault("https://fcm.googleapis.com")
    URI endpoint();

    /** Where tokens are fetched; by default the service account's {@code token_uri} (Google's). */
    Optional<URI> tokenUri();

    @WithDefault("10s")
    Duration timeout();

    /** How long before an access token expires it is fetched again. */
    @WithDefault("5m")
    Duration refreshMargin();
}
