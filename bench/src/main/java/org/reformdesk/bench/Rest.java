package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** The services' REST API with the office's token; many requests at once for seeding, one at a time otherwise. */
final class Rest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    Rest(String token) {
        this.token = token;
    }

    HttpClient client() {
        return http;
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    JsonNode get(String url) {
        return send(request(url).GET().build());
    }

    JsonNode post(String url, Object body) {
        return send(request(url).header("Content-Type", "application/json").POST(json(body)).build());
    }

    JsonNode put(String url, Object body) {
        return send(request(url).header("Content-Type", "application/json").PUT(json(body)).build());
    }

    /** POSTs a file as it is, e.g. an .xlsx sheet. */
    JsonNode post(String url, String contentType, byte[] body) {
        return send(request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** POSTs every body with at most {@code parallel} requests in flight; returns the answers in order. */
    <T> List<JsonNode> postAll(String url, List<T> bodies, Function<T, Object> toJson, int parallel) {
        Semaphore inFlight = new Semaphore(parallel);
        List<CompletableFuture<JsonNode>> answers = bodies.stream().map(body -> {
            inFlight.acquireUninterruptibly();
            HttpRequest request = request(url).header("Content-Type", "application/json")
                    .POST(json(toJson.apply(body))).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release())
                    .thenApply(response -> parse(request, response));
        }).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private JsonNode send(HttpRequest request) {
        try {
            return parse(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(HttpRequest request, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                    + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
