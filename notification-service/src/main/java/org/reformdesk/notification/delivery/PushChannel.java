package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.time.ServiceClock;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mobile app's push through FCM HTTP v1, to every phone the person registered under /api/v1/me/devices. The
 * access token comes from the service account through Google's auth library, which signs the JWT assertion and
 * fetches the token; it is fetched again {@code refresh-margin} before it expires by the service clock. A phone FCM
 * calls UNREGISTERED or INVALID_ARGUMENT (or registered to another sender) is removed; 429 and 5xx are retried no
 * sooner than their Retry-After.
 */
@ApplicationScoped
class PushChannel implements ReminderChannel {

    private static final Logger LOG = Logger.getLogger(PushChannel.class);
    private static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    /** FCM's errorCode for a token that will never work again. */
    private static final Set<String> DEAD_DEVICE = Set.of("UNREGISTERED", "INVALID_ARGUMENT", "SENDER_ID_MISMATCH");

    @Inject
    PushConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private GoogleCredentials credentials;
    private AccessToken token;
    private String projectId;

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("Push (FCM) is not configured (reform.channels.push.enabled is false)");
        }
        if (config.serviceAccountFile().isEmpty()) {
            return Optional.of("Push (FCM) is enabled but reform.channels.push.service-account-file is not set");
        }
        if (!Files.isReadable(config.serviceAccountFile().get())) {
            return Optional.of("Push (FCM) is enabled but its service account file "
                    + config.serviceAccountFile().get() + " cannot be read");
        }
        return Optional.empty();
    }

    /** The person, if they registered a phone: every one of their phones gets the push. */
    @Override
    public Optional<String> address(Contact contact) {
        return PushDevice.count("personId", contact.personId()) > 0 ? Optional.of(contact.personId().toString())
                : Optional.empty();
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        List<String> devices = QuarkusTransaction.requiringNew().call(() ->
                PushDevice.<PushDevice>list("personId = ?1 order by registeredAt desc", message.recipientId())
                        .stream().map(device -> device.token).toList());
        if (devices.isEmpty()) {
            throw ChannelFailure.permanent("Push (FCM): the recipient has no registered phone any more");
        }
        String bearer = accessToken();
        DeviceOutcomes outcomes = new DeviceOutcomes("Push (FCM)");
        for (String device : devices) {
            sendTo(device, message, bearer, outcomes);
        }
        if (!outcomes.failures().isEmpty()) {
            LOG.infof("Push (FCM) delivery %s reached %d of %d phones: %s", message.reminderId(), outcomes.taken(),
                    devices.size(), outcomes.failures());
        }
        outcomes.conclude();
    }

    private void sendTo(String device, Outgoing message, String bearer, DeviceOutcomes outcomes) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(messagesUri())
                    .timeout(config.timeout())
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body(device, message), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            outcomes.later(device, "FCM unreachable: " + e.getMessage(), Optional.empty());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.later(device, "interrupted", Optional.empty());
            return;
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            outcomes.took();
            return;
        }
        String errorCode = errorCode(response.body());
        String why = "HTTP " + status + " " + errorCode;
        if (DEAD_DEVICE.contains(errorCode)) {
            QuarkusTransaction.requiringNew().run(() -> PushDevice.deleteById(device));
            outcomes.gone(abbreviate(device), why + ", the phone was removed");
        } else if (status == 401) {
            forgetToken();
            outcomes.later(device, why, Optional.empty());
        } else if (status == 429 || status / 100 == 5) {
            outcomes.later(device, why, RetryAfter.parse(response.headers().firstValue("Retry-After"),
                    clock.instant()));
        } else {
            outcomes.refused(abbreviate(device), why);
        }
    }

    private String body(String device, Outgoing message) {
        Map<String, Object> notification = Map.of("title", message.title(), "body", message.body());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("reminderId", message.reminderId().toString());
        data.put("kind", message.kind().name());
        data.put("subjectId", message.subjectId().toString());
        data.put("url", message.link().toString());
        boolean high = message.urgency() == Urgency.HIGH;
        Map<String, Object> android = Map.of("priority", high ? "HIGH" : "NORMAL",
                "ttl", message.timeToLive().toSeconds() + "s");
        Map<String, Object> apns = Map.of("headers", Map.of("apns-priority", high ? "10" : "5",
                "apns-expiration", Long.toString(clock.instant().plus(message.timeToLive()).getEpochSecond())));
        try {
            return json.writeValueAsString(Map.of("message", Map.of("token", device, "notification", notification,
                    "data", data, "android", android, "apns", apns)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The errorCode of FCM's error details (UNREGISTERED, QUOTA_EXCEEDED, …), else the error's status. */
    private String errorCode(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            for (JsonNode detail : error.path("details")) {
                if (detail.hasNonNull("errorCode")) {
                    return detail.get("errorCode").asText();
                }
            }
            return error.path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private URI messagesUri() {
        return URI.create(config.endpoint().toString().replaceAll("/+$", "") + "/v1/projects/" + projectId
                + "/messages:send");
    }

    /**
     * The access token, fetched again through the library {@code refresh-margin} before it expires. Its lifetime is
     * counted on the service clock from when it was fetched, so moving the clock (tests, demos) ages it too.
     */
    private synchronized String accessToken() throws ChannelFailure {
        try {
            if (credentials == null) {
                load();
            }
            if (token == null || !token.freshAt(clock.instant(), config.refreshMargin())) {
                credentials.refresh();
                com.google.auth.oauth2.AccessToken fetched = credentials.getAccessToken();
                Duration lifetime = fetched.getExpirationTime() == null ? Duration.ZERO
                        : Duration.between(Instant.now(), fetched.getExpirationTime().toInstant());
                token = AccessToken.fetched(fetched.getTokenValue(), clock.instant(), lifetime);
            }
            return token.value();
        } catch (IOException e) {
            throw new ChannelFailure("Push (FCM): no access token from the service account: " + e.getMessage(), e);
        }
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private void load() throws IOException {
        try (InputStream in = Files.newInputStream(config.serviceAccountFile().orElseThrow())) {
            ServiceAccountCredentials account = ServiceAccountCredentials.fromStream(in);
            if (config.tokenUri().isPresent()) {
                account = account.toBuilder().setTokenServerUri(config.tokenUri().get()).build();
            }
            projectId = config.projectId().orElse(account.getProjectId());
            credentials = account.createScoped(List.of(SCOPE));
        }
    }

    private static String abbreviate(String device) {
        return device.length() > 16 ? device.substring(0, 16) + "…" : device;
    }
}
