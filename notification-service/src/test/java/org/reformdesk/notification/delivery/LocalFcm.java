package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Google's OAuth token endpoint and FCM's HTTP v1 send endpoint, for the test: a token only for a JWT assertion
 * signed RS256 by the service account's key, for Google's token audience and the messaging scope; a message only
 * with a token it issued; {@code UNREGISTERED} for a phone told so. The service account's key file is written for
 * the profile, with this fake as its token_uri.
 */
final class LocalFcm {

    static final String PROJECT = "reform-desk-test";
    static final String CLIENT_EMAIL = "reminders@reform-desk-test.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalFcm running;

    /** A message FCM took: the phone, the bearer token, the message. */
    record Sent(String device, String bearer, JsonNode message) {
    }

    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> throttled = new ConcurrentHashMap<>();

    static String url() {
        return LocalVendor.url("fcm");
    }

    /**
     * The service account's JSON key, made once per JVM (the profile's and the test's class loaders share it, through
     * a system property) with this JVM's fake as its token_uri.
     */
    static synchronized Path serviceAccountFile() {
        Path file = Path.of("target", "fcm-service-account.json").toAbsolutePath();
        if (System.getProperty("reform.test.fcm-account") == null) {
            System.setProperty("reform.test.fcm-account", file.toString());
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
                Files.writeString(file, JSON.writeValueAsString(Map.of("type", "service_account",
                        "project_id", PROJECT, "private_key_id", "test-key-1", "private_key", pem,
                        "client_email", CLIENT_EMAIL, "client_id", "1234567890", "token_uri", url() + "/token")));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return file;
    }

    static synchronized LocalFcm instance() {
        if (running == null) {
            running = new LocalFcm();
            PublicKey accountKey = publicKeyOf(serviceAccountFile());
            HttpServer server = LocalVendor.serve("fcm");
            server.createContext("/token", exchange -> {
                Map<String, String> form = LocalVendor.form(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                String assertion = form.getOrDefault("assertion", "");
                running.tokenRequests.add(assertion);
                String problem = checkAssertion(form, accountKey);
                if (problem != null) {
                    LocalVendor.answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\""
                            + problem + "\"}");
                    return;
                }
                String token = "ya29.test-" + running.tokenRequests.size();
                running.issued.add(token);
                LocalVendor.answer(exchange, 200, "{\"access_token\":\"" + token
                        + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
            });
            server.createContext("/v1/projects/" + PROJECT + "/messages:send", exchange -> {
                String bearer = exchange.getRequestHeaders().getFirst("Authorization").replace("Bearer ", "");
                JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("message");
                String device = message.path("token").asText();
                if (!running.issued.contains(bearer)) {
                    LocalVendor.answer(exchange, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
                    return;
                }
                if (running.unregistered.contains(device)) {
                    LocalVendor.answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was "
                            + "not found.\",\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":\"type.googleapis.com/"
                            + "google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
                    return;
                }
                Integer wait = running.throttled.get(device);
                if (wait != null) {
                    LocalVendor.answer(exchange, 429, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\","
                            + "\"details\":[{\"errorCode\":\"QUOTA_EXCEEDED\"}]}}", Map.of("Retry-After",
                            wait.toString()));
                    return;
                }
                running.sent.add(new Sent(device, bearer, message));
                LocalVendor.answer(exchange, 200, "{\"name\":\"projects/" + PROJECT + "/messages/"
                        + running.sent.size() + "\"}");
            });
            server.start();
        }
        return running;
    }

    /** What Google checks: the JWT bearer grant, RS256 by the account's key, iss, aud, scope and expiry. */
    private static String checkAssertion(Map<String, String> form, PublicKey key) {
        try {
            if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
                return "grant_type";
            }
            String[] jwt = form.get("assertion").split("\\.");
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                return "signature";
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
            long now = Instant.now().getEpochSecond();
            if (!CLIENT_EMAIL.equals(claims.path("iss").asText())) {
                return "iss";
            }
            // Google's token endpoint wants its own address as the audience, wherever the request is sent
            if (!"https://oauth2.googleapis.com/token".equals(claims.path("aud").asText())) {
                return "aud " + claims.path("aud").asText();
            }
            if (!claims.path("scope").asText().contains("https://www.googleapis.com/auth/firebase.messaging")) {
                return "scope";
            }
            if (claims.path("exp").asLong() <= now) {
                return "expired";
            }
            return null;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static PublicKey publicKeyOf(Path accountFile) {
        try {
            String pem = JSON.readTree(accountFile.toFile()).path("private_key").asText()
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(),
                    key.getPublicExponent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void unregister(String device) {
        unregistered.add(device);
    }

    /** The phone's messages are answered 429 with this Retry-After. */
    void throttle(String device, int retryAfterSeconds) {
        throttled.put(device, retryAfterSeconds);
    }

    int tokensIssued() {
        return tokenRequests.size();
    }

    List<Sent> sentTo(String device) {
        return sent.stream().filter(s -> s.device().equals(device)).toList();
    }
}
