package org.reformdesk.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemResponses;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size limits of a request, answered as problem+json like every other refusal: a URI over
 * {@code reform.http.max-uri-length} is 414, headers over {@code reform.http.max-header-size} together are 431, a
 * declared body over {@code reform.http.max-body-size} (a multipart upload: {@code reform.http.max-upload-size}) is
 * 413. Vert.x's own codec would answer the first two itself with an empty body, before any handler of the
 * application runs (Quarkus 3.34 lets no application set the server's invalid-request handler), so its limits
 * ({@code quarkus.http.limits.*}, platform defaults) sit well above these and only a request beyond them (a 64 KiB
 * request line, 64 KiB of headers) still gets Vert.x's empty answer.
 */
@ApplicationScoped
public class HttpLimits {

    @Inject
    HttpLimitsConfig limits;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        // First of all routes but Quarkus' own timer, so nothing reads a request that is refused here.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(context, 414, "The address is longer than " + limits.maxUriLength()
                    + " characters; send long filters in fewer, shorter parameters.");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length();
        }
        if (headers > limits.maxHeaderSize()) {
            refuse(context, 431, "The request's headers together are longer than "
                    + limits.maxHeaderSize() + " bytes.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        // Only a file upload may be larger than a JSON body; an operation that reads no multipart form answers 415.
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        long allowed = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                ? limits.maxUploadSize() : limits.maxBodySize();
        if (length != null && declaredLength(length) > allowed) {
            refuse(context, 413, "The body is larger than " + allowed + " bytes.");
            return;
        }
        context.next();
    }

    /** A Content-Length that is no number counts as too large: no body of that length can be read. */
    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void refuse(RoutingContext context, int status, String detail) {
        String path = context.request().path();
        Problem problem = new Problem("https://reformdesk.org/problems/" + status, ProblemResponses.title(status),
                status, detail, path != null && path.length() <= limits.maxUriLength() ? path : null, List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The connection closes: the rest of an over-long request (its body) is never read.
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
