package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.time.ServiceClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Browser notifications through Web Push, to every browser the person subscribed: the payload (the reminder's words
 * and the console link, JSON) encrypted aes128gcm for the browser (RFC 8291) and the request signed with the VAPID
 * key (RFC 8292) by com.interaso:webpush; TTL and Urgency from the reminder's kind. A push service answering 404 or
 * 410 has dropped the subscription, which is removed; 429 and 5xx are retried no sooner than their Retry-After.
 */
@ApplicationScoped
public class WebPushChannel implements ReminderChannel {

    private static final Logger LOG = Logger.getLogger(WebPushChannel.class);
    /** A push service takes 4096 bytes of encrypted record; the words are cut to leave room for the rest. */
    private static final int BODY_BYTES = 2400;

    @Inject
    WebPushConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile WebPush webPush;

    @Override
    public Channel channel() {
        return Channel.WEB_PUSH;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("Web Push is not configured (reform.channels.web-push.enabled is false)");
        }
        if (config.subject().isEmpty() || config.publicKey().isEmpty() || config.privateKey().isEmpty()) {
            return Optional.of("Web Push is enabled but its VAPID subject, public key or private key is not set");
        }
        return Optional.empty();
    }

    /** The VAPID public key browsers subscribe with, if Web Push is configured. */
    public Optional<String> publicKey() {
        return unavailable().isEmpty() ? config.publicKey() : Optional.empty();
    }

    /** The person, if they subscribed a browser: every one of their browsers gets it. */
    @Override
    public Optional<String> address(Contact contact) {
        return WebPushSubscription.count("personId", contact.personId()) > 0
                ? Optional.of(contact.personId().toString()) : Optional.empty();
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        List<WebPushSubscription> subscriptions = QuarkusTransaction.requiringNew().call(() ->
                WebPushSubscription.<WebPushSubscription>list("personId", message.recipientId()));
        if (subscriptions.isEmpty()) {
            throw ChannelFailure.permanent("Web Push: the recipient has no subscribed browser any more");
        }
        byte[] payload = payload(message);
        DeviceOutcomes outcomes = new DeviceOutcomes("Web Push");
        for (WebPushSubscription subscription : subscriptions) {
            sendTo(subscription, payload, message, outcomes);
        }
        if (!outcomes.failures().isEmpty()) {
            LOG.infof("Web Push delivery %s reached %d of %d browsers: %s", message.reminderId(), outcomes.taken(),
                    subscriptions.size(), outcomes.failures());
        }
        outcomes.conclude();
    }

    private void sendTo(WebPushSubscription subscription, byte[] payload, Outgoing message, DeviceOutcomes outcomes) {
        String endpoint = subscription.endpoint;
        HttpResponse<String> response;
        try {
            byte[] encrypted = webPush().getBody(payload, decode(subscription.p256dh), decode(subscription.auth));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(config.timeout())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(encrypted));
            webPush().getHeaders(endpoint, (int) message.timeToLive().toSeconds(), null,
                    WebPush.Urgency.valueOf(urgency(message.urgency()))).forEach(request::setHeader);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            outcomes.later(host(endpoint), "push service unreachable: " + e.getMessage(), Optional.empty());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.later(host(endpoint), "interrupted", Optional.empty());
            return;
        } catch (RuntimeException e) {
            // keys the browser gave that no longer make a valid key (they were checked when it subscribed)
            outcomes.refused(host(endpoint), "cannot encrypt for this browser: " + e.getMessage());
            return;
        }
        int status = response.statusCode();
        String why = "HTTP " + status;
        if (status / 100 == 2) {
            outcomes.took();
        } else if (status == 404 || status == 410) {
            QuarkusTransaction.requiringNew().run(() -> WebPushSubscription.deleteById(endpoint));
            outcomes.gone(host(endpoint), why + ", the subscription was removed");
        } else if (status == 429 || status / 100 == 5) {
            outcomes.later(host(endpoint), why, RetryAfter.parse(response.headers().firstValue("Retry-After"),
                    clock.instant()));
        } else {
            outcomes.refused(host(endpoint), why + " " + abbreviate(response.body()));
        }
    }

    private byte[] payload(Outgoing message) {
        Map<String, String> notice = new LinkedHashMap<>();
        notice.put("title", message.title());
        notice.put("body", Cut.toBytes(message.body(), BODY_BYTES));
        notice.put("url", message.link().toString());
        notice.put("reminderId", message.reminderId().toString());
        notice.put("kind", message.kind().name());
        notice.put("subjectId", message.subjectId().toString());
        notice.put("lang", message.language());
        try {
            return json.writeValueAsBytes(notice);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebPush webPush() {
        if (webPush == null) {
            synchronized (this) {
                if (webPush == null) {
                    webPush = new WebPush(config.subject().orElseThrow(), VapidKeys.Factory.fromUncompressedBytes(
                            config.publicKey().orElseThrow(), config.privateKey().orElseThrow()));
                }
            }
        }
        return webPush;
    }

    /** The library's names of the RFC 8030 urgencies. */
    private static String urgency(Urgency urgency) {
        return switch (urgency) {
            case VERY_LOW -> "VeryLow";
            case LOW -> "Low";
            case NORMAL -> "Normal";
            case HIGH -> "High";
        };
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    private static String host(String endpoint) {
        return URI.create(endpoint).getHost();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
