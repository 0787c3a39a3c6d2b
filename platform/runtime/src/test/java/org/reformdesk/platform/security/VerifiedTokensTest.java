package org.reformdesk.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final long NOW = 1_790_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final List<String> verifiedByOidc = new ArrayList<>();
    /** Stands in for the HTTP request quarkus-oidc verified a token on, which it puts into the identity. */
    private final Object verifyingRequest = new Object();
    /** Stands in for quarkus-oidc: tokens named "bad…" fail, others are valid until the second in their name. */
    private final VerifiedTokens tokens = new VerifiedTokens(new IdentityProvider<>() {
        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            String token = request.getToken().getToken();
            verifiedByOidc.add(token);
            if (token.startsWith("bad")) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            long exp = Long.parseLong(token.substring(token.indexOf('@') + 1));
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt(token, exp))
                    .addRole("reform-office").addAttribute(AuthenticationRequestContext.class.getName(), context)
                    .addAttribute(RoutingContext.class.getName(), verifyingRequest).build());
        }
    }, clock::get, () -> clock.get() * 1_000_000);

    @Test
    void aTokenIsVerifiedOnceAndItsIdentityKeptForItsNextRequests() {
        String token = "office@" + (NOW / 1000 + 300);
        SecurityIdentity first = authenticate(token);
        SecurityIdentity second = authenticate(token);

        assertThat(verifiedByOidc).containsExactly(token);
        assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
        assertThat(second.getRoles()).containsExactly("reform-office");
    }

    @Test
    void aKeptIdentityCarriesTheRequestItServesNotTheOneThatVerifiedIt() {
        String token = "office@" + (NOW / 1000 + 300);
        authenticate(token);
        AuthenticationRequestContext later = context();

        SecurityIdentity kept = tokens.authenticate(request(token), later).await().indefinitely();

        assertThat((Object) kept.getAttribute(AuthenticationRequestContext.class.getName())).isSameAs(later);
    }

    @Test
    void aKeptIdentityHoldsNoRequestOfItsOwn() {
        String token = "office@" + (NOW / 1000 + 300);
        authenticate(token);

        SecurityIdentity kept = authenticate(token);

        assertThat(kept.getAttributes().values()).doesNotContain(verifyingRequest);
    }

    @Test
    void anotherTokenOfTheSameUserIsVerifiedAfresh() {
        authenticate("office@" + (NOW / 1000 + 300));
        authenticate("office@" + (NOW / 1000 + 301));

        assertThat(verifiedByOidc).hasSize(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndSoRefused() {
        String token = "office@" + (NOW / 1000 + 60);
        authenticate(token);
        clock.addAndGet(60_000);
        authenticate(token);

        assertThat(verifiedByOidc).containsExactly(token, token);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        String token = "office@" + (NOW / 1000 + 86_400);
        authenticate(token);
        clock.addAndGet(VerifiedTokens.MAX_AGE.toMillis() - 1);
        authenticate(token);
        clock.addAndGet(1);
        authenticate(token);

        assertThat(verifiedByOidc).containsExactly(token, token);
    }

    @Test
    void aRefusedTokenIsNotKept() {
        assertThatThrownBy(() -> authenticate("bad")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> authenticate("bad")).isInstanceOf(AuthenticationFailedException.class);

        assertThat(verifiedByOidc).containsExactly("bad", "bad");
    }

    @Test
    void theKeptTokensAreBoundedByWhatTheyHold() {
        String padding = "x".repeat(8_000);
        long fit = VerifiedTokens.MAX_BYTES / VerifiedTokens.bytes(padding + "@" + (NOW / 1000 + 300));
        for (int i = 0; i < 2 * fit; i++) {
            authenticate(padding + i + "@" + (NOW / 1000 + 300));
        }

        assertThat(tokens.size()).isPositive().isLessThanOrEqualTo(fit);
    }

    private SecurityIdentity authenticate(String token) {
        return tokens.authenticate(request(token), context()).await().indefinitely();
    }

    private static TokenAuthenticationRequest request(String token) {
        return new TokenAuthenticationRequest(new AccessTokenCredential(token));
    }

    /** A new context each time, as each request has its own. */
    private static AuthenticationRequestContext context() {
        return new AuthenticationRequestContext() {
            @Override
            public Uni<SecurityIdentity> runBlocking(java.util.function.Supplier<SecurityIdentity> supplier) {
                return Uni.createFrom().item(supplier);
            }
        };
    }

    private static JsonWebToken jwt(String name, long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) ? (T) Long.valueOf(exp) : null;
            }
        };
    }
}
