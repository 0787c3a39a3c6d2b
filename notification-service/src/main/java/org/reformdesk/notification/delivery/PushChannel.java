package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Mobile push in the shape of FCM HTTP v1: one JSON message per device token, bearer-authorised. The device is
 * the one the person registered last under /api/v1/me/devices.
 */
@ApplicationScoped
public class PushChannel implements ReminderChannel {

    @Inject
    PushConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("Push is not configured (reform.channels.push.enabled is false)");
        }
        if (config.endpoint().isEmpty() || config.projectId().isEmpty() || config.accessToken().isEmpty()) {
            return Optional.of("Push is enabled but its endpoint, project id or access token is not set");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> address(Contact contact) {
        return PushDevice.latestOf(contact.personId()).map(device -> device.token);
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        URI uri = URI.create(config.endpoint().orElseThrow().toString().replaceAll("/$", "") + "/v1/projects/"
                + config.projectId().orElseThrow() + "/messages:send");
        String body;
        try {
            body = json.writeValueAsString(Map.of("message", Map.of(
                    "token", message.address(),
                    "notification", Map.of("title", message.title(), "body", message.body()),
                    "data", Map.of("reminderId", message.reminderId().toString(), "kind", message.kind().name(),
                            "subjectId", message.subjectId().toString()))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(config.timeout())
                    .header("Authorization", "Bearer " + config.accessToken().orElseThrow())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new ChannelFailure("Push service answered HTTP " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
        } catch (IOException e) {
            throw new ChannelFailure("Push service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure("Interrupted while pushing", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
