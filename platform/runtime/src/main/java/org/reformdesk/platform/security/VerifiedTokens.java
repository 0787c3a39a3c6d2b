package org.reformdesk.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
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
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already verified, so that a client's next request with the same token is not verified again.
 * Checking a token's RS256 signature was a quarter of task-service's CPU for a ledger page and more for a single
 * task (JFR under load, 2026-11-27: BigInteger arithmetic, which C1 does not turn into intrinsics), and a client sends
 * one token for the token's whole life. The identity is kept under the exact token it was verified from — any other
 * string is verified afresh by quarkus-oidc — until the token expires and at most {@link #MAX_AGE}, so a signing key
 * the identity provider withdraws stops admitting its tokens within that time.
 *
 * <p>What is kept is the identity alone: quarkus-oidc puts the request it verified into the identity's attributes
 * (its routing context and, through the blocking-API attribute, that request's context again), and kept with the
 * identity those held every request's headers, streams and request-scoped beans — some 25 KiB a token, until a
 * client fetching a token per request filled task-service's 192 MiB heap at 9,400 tokens (heap dump, 2026-12-07).
 * The cache is bounded by the bytes its entries hold, not by their number, so no client can grow it past
 * {@link #MAX_BYTES} however long its tokens are.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /**
     * What the kept identities may hold in all: 16 MiB of a service's 192 MiB heap, by {@link #bytes} some 1,700
     * Keycloak tokens of 1,300 characters — a busy service sees a few hundred clients, each with a token or two at a
     * time.
     */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Request-bound attributes quarkus-oidc adds; a kept identity gets the current request's instead. */
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private record Verified(SecurityIdentity identity, long untilMillis, int bytes) {
    }

    private final IdentityProvider<TokenAuthenticationRequest> oidc;
    private final LongSupplier wallClock;
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedTokens(OidcIdentityProvider oidc) {
        this(oidc, System::currentTimeMillis, Ticker.systemTicker());
    }

    /**
     * Token lifetimes are the identity provider's real time, not a service's movable business clock; the ticker
     * measures how long an entry has been kept.
     */
    VerifiedTokens(IdentityProvider<TokenAuthenticationRequest> oidc, LongSupplier wallClock, Ticker ticker) {
        this.oidc = oidc;
        this.wallClock = wallClock;
        this.verified = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumWeight(MAX_BYTES)
                .weigher((String token, Verified entry) -> entry.bytes())
                .expireAfter(Expiry.creating((String token, Verified entry) ->
                        Duration.ofMillis(Math.max(0, entry.untilMillis() - wallClock.getAsLong()))))
                // evictions run on the caller's thread: nothing kept waits for a pool, and tests see them at once
                .executor(Runnable::run)
                .build();
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
        Verified known = verified.getIfPresent(token);
        if (known != null && wallClock.getAsLong() < known.untilMillis()) {
            return Uni.createFrom().item(forThisRequest(known.identity(), request, context));
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /** How many tokens are kept now (for tests and diagnosis). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (!(identity instanceof QuarkusSecurityIdentity verifiedIdentity)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = wallClock.getAsLong();
        long until = Math.min(jwt.getExpirationTime() * 1000, now + MAX_AGE.toMillis());
        if (until > now) {
            verified.put(token, new Verified(withoutRequest(verifiedIdentity), until, bytes(token)));
        }
    }

    /**
     * What one kept token holds, over-estimated: the token string (the key and the credential share it), the
     * principal's decoded claims and the identity around them. Measured on task-service (heap after a full GC, before
     * and after 3,000 tokens of 730 characters, 2026-12-07): 3.6 KiB an entry, where this says 6.3 KiB.
     */
    static int bytes(String token) {
        return 6 * token.length() + 2048;
    }

    /** The identity with everything but the request it was verified on: principal, roles, credentials, scopes. */
    private static SecurityIdentity withoutRequest(QuarkusSecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!REQUEST_ATTRIBUTES.contains(attribute.getKey())) {
                kept.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return kept.build();
    }

    /** quarkus-oidc's identity carries the request it verified in its attributes; a kept identity gets this one's. */
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
