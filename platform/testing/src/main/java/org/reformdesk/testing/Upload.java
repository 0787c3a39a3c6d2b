package org.reformdesk.testing;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A file sent as a browser sends it: one multipart/form-data field with the file name in UTF-8 as it is typed
 * (报告.pdf), which a test cannot count on a general HTTP client to do.
 */
public final class Upload {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Upload() {
    }

    /** One field of a form: a text value (no file name), or a file with its name and the type the browser declared. */
    public record Part(String field, String filename, String declaredType, byte[] content) {

        public static Part text(String field, String value) {
            return new Part(field, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String field, String filename, String declaredType, byte[] content) {
            return new Part(field, filename, declaredType, content);
        }
    }

    /** POSTs {@code content} as the form field {@code field}, named {@code filename}, to {@code path}. */
    public static HttpResponse<String> post(String path, String token, String field, String filename,
            String declaredType, byte[] content) {
        return post(path, token, List.of(Part.file(field, filename, declaredType, content)));
    }

    /** POSTs a form of several fields, text and files, to {@code path}. */
    public static HttpResponse<String> post(String path, String token, List<Part> parts) {
        String boundary = "reform-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"\r\nContent-Type: "
                    + part.declaredType()) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The name a browser saves a download as: RFC 5987's filename*, UTF-8 and percent-encoded. */
    public static String downloadName(String contentDisposition) {
        String encoded = contentDisposition.substring(contentDisposition.indexOf("filename*=UTF-8''") + 17);
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
