package org.reformdesk.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Web Push (RFC 8030/8291/8292) to the browsers where people installed the console. The VAPID key pair identifies
 * this server to the browsers' push services; the local run generates one under .local/, Kubernetes takes it from
 * the Secret notification-service-channels. Browsers' push services are Google's, Mozilla's, Apple's and
 * Microsoft's: outside mainland China only (Chrome's is FCM).
 */
@ConfigMapping(prefix = "reform.channels.web-push")
public interface WebPushConfig {

    /** Off unless set: without it, Web Push deliveries are SKIPPED, visibly. */
    @WithDefault("false")
    boolean enabled();

    /** Who runs this server, for the push services: {@code mailto:} an address or an {@code https:} page. */
    Optional<String> subject();

    /** The VAPID public key: the uncompressed P-256 point, base64url (the console's applicationServerKey). */
    Optional<String> publicKey();

    /** The VAPID private key: the 32-byte P-256 scalar, base64url. */
    Optional<String> privateKey();

    @WithDefault("10s")
    Duration timeout();

    /**
     * Push services a subscription may name (a leading {@code *.} matches subdomains): this server posts to the
     * endpoint a browser gives, so an endpoint elsewhere is refused.
     */
    @WithDefault("fcm.googleapis.com,*.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com")
    List<String> allowedHosts();

    /** Endpoints must be https; only a test's local push service may be plain http. */
    @WithDefault("true")
    boolean requireHttps();
}
