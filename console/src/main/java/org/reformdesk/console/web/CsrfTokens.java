package org.reformdesk.console.web;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Anti-forgery tokens tied to a sign-in (synchronizer token pattern): an HMAC of the session id under the console's
 * key. quarkus-rest-csrf is not served for Quarkus 3.34.1 here, so this small class does its job; every unsafe
 * request must carry the token in the {@code X-CSRF-Token} header (console.js adds it to each htmx request).
 */
@ApplicationScoped
class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";

    private final byte[] key;

    public CsrfTokens(ConsoleConfig config) {
        this.key = config.csrfKey().map(value -> value.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            // one replica: a key of its own is enough (a restart signs everyone out of forms, not of the console)
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    public String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String session, String presented) {
        return presented != null && MessageDigest.isEqual(tokenFor(session).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
