package org.reformdesk.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Tokens an attacker or a misconfigured client would present, each wrong in one way, made from the test mint so
 * that everything else about them is right. Every service must refuse each with 401.
 */
public final class ForgedTokens {

    private static final List<String> OFFICE = List.of("reform-office");

    private ForgedTokens() {
    }

    public static String expired() {
        Instant now = Instant.now();
        return mint().claims("office", null, OFFICE).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600))
                .sign(mint().signingKey());
    }

    public static String notYetValid() {
        return mint().claims("office", null, OFFICE).claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .sign(mint().signingKey());
    }

    public static String wrongIssuer() {
        return mint().claims("office", null, OFFICE).issuer("https://idp.example.org/realms/reform")
                .sign(mint().signingKey());
    }

    public static String wrongAudience() {
        return mint().claims("office", null, OFFICE).audience("another-application").sign(mint().signingKey());
    }

    /** Unsigned, with {@code alg: none}: the classic bypass of verifiers that trust the header. */
    public static String unsigned() {
        String[] parts = TestTokens.reformOffice().split("\\.");
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /** HS256 with the public key as the HMAC secret: the key-confusion attack on RS256 verifiers. */
    public static String hmacWithThePublicKey() {
        byte[] publicKey = mint().verificationKey().getEncoded();
        return mint().claims("office", null, OFFICE).jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(publicKey, "HmacSHA256"));
    }

    /** A genuine token whose signature was altered. */
    public static String tamperedSignature() {
        String token = TestTokens.reformOffice();
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    /** A unit officer's genuine signature under claims rewritten to the reform office's. */
    public static String tamperedClaims() {
        String[] officer = TestTokens.unitOfficer(UUID.randomUUID()).split("\\.");
        String[] office = TestTokens.reformOffice().split("\\.");
        return officer[0] + "." + office[1] + "." + officer[2];
    }

    /** Signed by a key the services were never told about. */
    public static String unknownKey() {
        return TokenMint.generate().token("office", null, OFFICE);
    }

    /** A unit officer's token that names no unit: it cannot be scoped, so it is refused as broken. */
    public static String unitOfficerWithoutUnit() {
        return mint().token("officer", null, List.of("unit-officer"));
    }

    private static TokenMint mint() {
        return TestTokens.mint();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
