package org.reformdesk.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs OIDC bearer tokens the way an identity server would, for tests and the local demo. The services
 * verify them with the public key ({@code quarkus.oidc.public-key}) and the issuer, no identity server needed.
 */
public final class TokenMint {

    public static final String ISSUER = "https://reformdesk.test/realms/reform";
    /** The audience every service requires ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "reform-desk";

    private final KeyPair keys;

    private TokenMint(KeyPair keys) {
        this.keys = keys;
    }

    public static TokenMint generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenMint(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair kept in {@code dir}, made on first use, so tokens outlive a restart of the local platform. */
    public static TokenMint inDirectory(Path dir) {
        Path privateKey = dir.resolve("token-signing.key");
        Path publicKey = dir.resolve("token-signing.pub");
        try {
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new TokenMint(new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKey))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKey)))));
            }
            TokenMint mint = generate();
            Files.createDirectories(dir);
            Files.write(publicKey, mint.keys.getPublic().getEncoded());
            Files.write(privateKey, mint.keys.getPrivate().getEncoded());
            return mint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value for {@code quarkus.oidc.public-key}. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public PublicKey verificationKey() {
        return keys.getPublic();
    }

    /** Service configuration that trusts this mint's tokens. */
    public Map<String, String> quarkusConfig() {
        return Map.of("quarkus.oidc.public-key", publicKey(), "quarkus.oidc.token.issuer", ISSUER);
    }

    /** A token for a user with the given roles, scoped to {@code unit} when it is not null. */
    public String token(String username, UUID unit, List<String> roles) {
        return claims(username, unit, roles).sign(signingKey());
    }

    /** A token for a person in the directory, who may read their own reminders. */
    public String personToken(String username, UUID person, UUID unit, List<String> roles) {
        return claims(username, unit, roles).claim("person", person.toString()).sign(signingKey());
    }

    /**
     * A token for a special group's liaison (专项小组联络员): the group-liaison role, bound by the {@code group} claim to
     * the special group whose tasks they may act on.
     */
    public String groupLiaisonToken(String username, UUID group) {
        return claims(username, null, List.of("group-liaison")).claim("group", group.toString()).sign(signingKey());
    }

    /**
     * A partner department's client-credentials token: no role, no unit, only OAuth scopes such as
     * {@code ledger:read}, as Keycloak issues it to the partner client.
     */
    public String partnerToken(String clientId, List<String> scopes) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .preferredUserName("service-account-" + clientId)
                .claim("azp", clientId)
                .claim("scope", String.join(" ", scopes))
                .expiresIn(Duration.ofHours(12))
                .sign(signingKey());
    }

    /** The claims of such a token, for tests that tamper with one (issuer, expiry, audience). */
    public JwtClaimsBuilder claims(String username, UUID unit, List<String> roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(Duration.ofHours(12));
        if (unit != null) {
            claims.claim("unit", unit.toString());
        }
        return claims;
    }

    public PrivateKey signingKey() {
        return keys.getPrivate();
    }
}
