package org.reformdesk.notification.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.notification.delivery.WebPushChannel;
import org.reformdesk.notification.delivery.WebPushConfig;
import org.reformdesk.notification.delivery.WebPushSubscription;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's Web Push subscriptions. The server posts to whatever endpoint a browser gives, so an endpoint is taken
 * only on a push service the configuration names, and the browser's key must be a point of P-256 (else nothing it
 * is sent can be encrypted for it).
 */
@ApplicationScoped
class MyPushSubscriptions {

    @Inject
    WebPushConfig config;

    @Inject
    WebPushChannel channel;

    @Inject
    ServiceClock clock;

    public Optional<String> publicKey() {
        return channel.publicKey();
    }

    public List<WebPushSubscription> of(UUID person) {
        return WebPushSubscription.list("personId = ?1 order by subscribedAt", person);
    }

    /** Subscribes a browser; the same endpoint again (or moved to another person) gets the new keys. */
    @Transactional
    public WebPushSubscription subscribe(UUID person, String endpoint, String p256dh, String auth, String actor) {
        checkEndpoint(endpoint);
        checkKeys(p256dh, auth);
        WebPushSubscription subscription = WebPushSubscription.<WebPushSubscription>findByIdOptional(endpoint)
                .orElseGet(WebPushSubscription::new);
        subscription.endpoint = endpoint;
        subscription.personId = person;
        subscription.p256dh = p256dh;
        subscription.auth = auth;
        subscription.subscribedAt = clock.instant();
        subscription.subscribedBy = actor;
        subscription.persist();
        return subscription;
    }

    @Transactional
    public boolean unsubscribe(UUID person, String endpoint) {
        return WebPushSubscription.delete("endpoint = ?1 and personId = ?2", endpoint, person) > 0;
    }

    private void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("endpoint", "must be a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && (config.requireHttps() || !scheme.equals("http"))) {
            throw ProblemException.invalid("endpoint", "must be an https URL of a push service");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getUserInfo() != null || !allowed(host)) {
            throw ProblemException.invalid("endpoint", "must be on a known push service: " + config.allowedHosts());
        }
    }

    private boolean allowed(String host) {
        return !host.isEmpty() && config.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .anyMatch(allowed -> allowed.startsWith("*.") ? host.endsWith(allowed.substring(1))
                        : host.equals(allowed));
    }

    /** p256dh: an uncompressed point (65 bytes, 0x04 first) on P-256; auth: 16 bytes (RFC 8291). */
    private static void checkKeys(String p256dh, String auth) {
        byte[] point = decode("keys.p256dh", p256dh);
        if (point.length != 65 || point[0] != 4 || !onCurve(point)) {
            throw ProblemException.invalid("keys.p256dh", "must be the browser's P-256 public key, uncompressed");
        }
        if (decode("keys.auth", auth).length != 16) {
            throw ProblemException.invalid("keys.auth", "must be the browser's 16-byte authentication secret");
        }
    }

    private static boolean onCurve(byte[] point) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
            BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
            // y² = x³ + ax + b (mod p): the JDK's key factory takes any pair of numbers
            BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
            return x.compareTo(p) < 0 && y.compareTo(p) < 0 && y.modPow(BigInteger.TWO, p).equals(right);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] decode(String field, String value) {
        try {
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be base64url");
        }
    }
}
