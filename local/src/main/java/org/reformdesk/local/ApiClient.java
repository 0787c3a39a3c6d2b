package org.reformdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A small JSON client for the services' REST API, with a bearer token. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Supplier<Optional<String>> whyGone;

    public ApiClient(String baseUrl, String token) {
        this(baseUrl, token, Optional::empty);
    }

    /** A client of a service whose process can say why it no longer answers (see {@link Platform#api}). */
    ApiClient(String baseUrl, String token, Supplier<Optional<String>> whyGone) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.whyGone = whyGone;
    }

    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    /** POSTs {@code body}; a non-null {@code idempotencyKey} makes a repeat create nothing new. */
    public JsonNode post(String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = request(path).POST(json(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public JsonNode put(String path, Object body) {
        return send(request(path).PUT(json(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + baseUrl + ": "
                    + whyGone.get().orElse(String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
