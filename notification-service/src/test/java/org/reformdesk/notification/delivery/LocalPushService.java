package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A browser's push service, as the real ones behave, for the test: it takes a message only with a VAPID JWT (RFC
 * 8292) signed ES256 by the key in the header, for this service's origin, not expired and at most 24 hours ahead;
 * it decrypts the aes128gcm payload (RFC 8291) with the private key of the browser that subscribed, using nothing but
 * the JDK; and it answers 410 Gone for a subscription the browser revoked. It plays the browsers too: each
 * subscription is a fresh P-256 key pair and authentication secret.
 */
final class LocalPushService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPushService running;

    /** A browser's subscription: what it hands the server, and its private half. */
    record Browser(String endpoint, String p256dh, String auth, KeyPair keys, byte[] authSecret) {
    }

    /** A message the service took: the decrypted payload and the headers. */
    record Received(String endpoint, JsonNode payload, Map<String, String> headers) {
    }

    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    static String url() {
        return LocalVendor.url("web-push");
    }

    static synchronized LocalPushService instance() {
        if (running == null) {
            running = new LocalPushService();
            HttpServer server = LocalVendor.serve("web-push");
            server.createContext("/push/", exchange -> {
                String endpoint = url() + exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                Browser browser = running.browsers.get(endpoint);
                if (browser == null || running.revoked.contains(endpoint)) {
                    LocalVendor.answer(exchange, 410, "");
                    return;
                }
                try {
                    running.checkVapid(headers.get("authorization"));
                    if (!"aes128gcm".equals(headers.get("content-encoding")) || headers.get("ttl") == null) {
                        throw new IllegalArgumentException("Content-Encoding aes128gcm and TTL are required");
                    }
                    JsonNode payload = JSON.readTree(decrypt(body, browser));
                    running.received.add(new Received(endpoint, payload, headers));
                    LocalVendor.answer(exchange, 201, "");
                } catch (Exception e) {
                    running.refusals.add(e + " for " + headers.get("authorization"));
                    LocalVendor.answer(exchange, 403, "{\"reason\":\"" + e.getMessage().replace('"', '\'') + "\"}");
                }
            });
            server.start();
        }
        return running;
    }

    /** A new browser subscribing at this service. */
    Browser newBrowser() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] authSecret = new byte[16];
            new SecureRandom().nextBytes(authSecret);
            String endpoint = url() + "/push/" + java.util.UUID.randomUUID();
            Browser browser = new Browser(endpoint, b64(uncompressed((ECPublicKey) keys.getPublic())), b64(authSecret),
                    keys, authSecret);
            browsers.put(endpoint, browser);
            return browser;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The browser unsubscribed from its side: the service answers 410 from now on. */
    void revoke(Browser browser) {
        revoked.add(browser.endpoint());
    }

    List<Received> receivedBy(Browser browser) {
        return received.stream().filter(r -> r.endpoint().equals(browser.endpoint())).toList();
    }

    List<String> refusals() {
        return refusals;
    }

    /** {@code vapid t=<JWT>, k=<public key>}: ES256 by k, aud this origin, exp ahead and within 24 h. */
    private void checkVapid(String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new IllegalArgumentException("no VAPID authorization");
        }
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : authorization.substring(6).split(",")) {
            String[] pair = part.strip().split("=", 2);
            parts.put(pair[0], pair[1]);
        }
        String[] jwt = parts.get("t").split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        if (!"ES256".equals(header.path("alg").asText())) {
            throw new IllegalArgumentException("alg " + header.path("alg"));
        }
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(parts.get("k"))));
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            throw new IllegalArgumentException("bad VAPID signature");
        }
        if (!url().equals(claims.path("aud").asText())) {
            throw new IllegalArgumentException("aud " + claims.path("aud"));
        }
        long now = Instant.now().getEpochSecond();
        long exp = claims.path("exp").asLong();
        if (exp <= now || exp > now + 24 * 3600) {
            throw new IllegalArgumentException("exp " + exp);
        }
        if (!claims.path("sub").asText().startsWith("mailto:")) {
            throw new IllegalArgumentException("sub " + claims.path("sub"));
        }
    }

    /** RFC 8291 §3.4 and RFC 8188: the single record of an aes128gcm body, decrypted. */
    private static byte[] decrypt(byte[] body, Browser browser) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt();
        byte[] serverKey = new byte[in.get() & 0xff];
        in.get(serverKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.keys().getPrivate());
        agreement.doPhase(publicKey(serverKey), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] userAgentKey = uncompressed((ECPublicKey) browser.keys().getPublic());
        ByteArrayOutputStream keyInfo = new ByteArrayOutputStream();
        keyInfo.writeBytes("WebPush: info\0".getBytes(StandardCharsets.US_ASCII));
        keyInfo.writeBytes(userAgentKey);
        keyInfo.writeBytes(serverKey);
        byte[] ikm = expand(extract(browser.authSecret(), ecdhSecret), keyInfo.toByteArray(), 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand for at most one block, all Web Push needs. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(key.getW().getAffineX(), point, 1);
        copy32(key.getW().getAffineY(), point, 33);
        return point;
    }

    private static void copy32(BigInteger value, byte[] into, int at) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, into, at + 32 - length, length);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
