package org.reformdesk.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every service must do with a forged or misused token: refuse it with a 401 problem+json, the same as no
 * token at all. A service's test extends this as a {@code @QuarkusTest} and names one GET the reform office may make.
 */
public abstract class ForgedTokensContract {

    /** A GET that succeeds with the reform office's genuine token. */
    protected abstract String protectedPath();

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) ForgedTokens::expired),
                Arguments.of("not yet valid", (Supplier<String>) ForgedTokens::notYetValid),
                Arguments.of("wrong issuer", (Supplier<String>) ForgedTokens::wrongIssuer),
                Arguments.of("wrong audience", (Supplier<String>) ForgedTokens::wrongAudience),
                Arguments.of("alg none", (Supplier<String>) ForgedTokens::unsigned),
                Arguments.of("HS256 with the public key", (Supplier<String>) ForgedTokens::hmacWithThePublicKey),
                Arguments.of("tampered signature", (Supplier<String>) ForgedTokens::tamperedSignature),
                Arguments.of("tampered claims", (Supplier<String>) ForgedTokens::tamperedClaims),
                Arguments.of("unknown signing key", (Supplier<String>) ForgedTokens::unknownKey),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-token"));
    }

    @Test
    void theGenuineTokenIsAccepted() {
        given().auth().oauth2(TestTokens.reformOffice()).get(protectedPath()).then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        given().get(protectedPath()).then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aPartnerClientWithoutThisServicesScopeIsRefused() {
        given().auth().oauth2(TestTokens.partner("unrelated:read")).get(protectedPath())
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** Services keep the identities of tokens they verified (platform security.VerifiedTokens), never past expiry. */
    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = TestTokens.mint().claims("office", null, List.of("reform-office")).expiresAt(expiry)
                .sign(TestTokens.mint().signingKey());
        given().auth().oauth2(token).get(protectedPath()).then().statusCode(200);
        given().auth().oauth2(token).get(protectedPath()).then().statusCode(200);

        Thread.sleep(Duration.between(Instant.now(), expiry).plusMillis(1_100).toMillis());

        given().auth().oauth2(token).get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedTokenIsRefused(String attack, Supplier<String> token) {
        given().auth().oauth2(token.get()).get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }
}
