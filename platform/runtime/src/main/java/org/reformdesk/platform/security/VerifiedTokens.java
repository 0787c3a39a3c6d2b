package org.reformdesk.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already verified, so that a client's next request with the same token is not verified again.
 * Checking a token's RS256 signature was a quarter of task-service's CPU for a ledger page and more for a single
 * task (JFR under load, 2026-11-27: BigInteger arithmetic, which C1 does not turn into intrinsics), and a client sends
 * one token for the token's whole life. The identity is kept under the exact token it was verified from — any other
 * string is verified afresh by quarkus-oidc — until the token expires and at most {@link #MAX_AGE}, so a signing key
 * the identity provider withdraws stops admitting its tokens within that time.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Tokens kept at most: a busy service sees a few hundred clients, each with a token or two at a time. */
    static final int MAX_TOKENS = 10_000;

    private record Verified(SecurityIdentity identity, long untilMillis) {
    }

    private final IdentityProvider<TokenAuthenticationRequest> oidc;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens(OidcIdentityProvider oidc) {
        this(oidc, System::currentTimeMillis);
    }

    /** Token lifetimes are the identity provider's real time, not a service's movable business clock. */
    VerifiedTokens(IdentityProvider<TokenAuthenticationRequest> oidc, LongSupplier clock) {
        this.oidc = oidc;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before quarkus-oidc's provider, which has the default priority. */
    @Override
    public int priority() {
        return oidc.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential)) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null && now < known.untilMillis()) {
            return Uni.createFrom().item(forThisRequest(known.identity(), request, context));
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity, now));
    }

    private void remember(String token, SecurityIdentity identity, long now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(entry -> entry.untilMillis() <= now);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(identity, Math.min(jwt.getExpirationTime() * 1000, now + MAX_AGE.toMillis())));
    }

    /** quarkus-oidc puts the request it verified in the identity's attributes; a kept identity gets this one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        return builder.build();
    }
}
