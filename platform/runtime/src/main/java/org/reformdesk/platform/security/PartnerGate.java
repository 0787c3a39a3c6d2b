package org.reformdesk.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.reformdesk.platform.problem.Problem;

import java.util.List;
import java.util.Optional;

/**
 * A token with no role is a partner department's client (client credentials). Whatever an endpoint itself checks,
 * such a client only reads, and only in a service whose read scope it carries (ledger:read in task-service,
 * rankings:read in assessment-service); everything else is 403.
 */
public class PartnerGate {

    @Inject
    CurrentIdentityAssociation identities;

    @ConfigProperty(name = "reform.security.partner-read-scope")
    Optional<String> partnerReadScope;

    @ServerRequestFilter
    public Uni<Response> admit(ContainerRequestContext request) {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !identity.getRoles().isEmpty()) {
                return null;
            }
            if (HttpMethod.GET.equals(request.getMethod()) && hasReadScope(identity)) {
                return null;
            }
            String detail = partnerReadScope
                    .map(scope -> "A partner client may only read here, with the scope " + scope + ".")
                    .orElse("Partner clients have no access to this service.");
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("https://reformdesk.org/problems/403", "Forbidden", 403, detail,
                            "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), List.of()))
                    .build();
        });
    }

    private boolean hasReadScope(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && carries(token, partnerReadScope);
    }

    /** Whether the token's space-separated {@code scope} claim holds {@code wanted} (never, when none is wanted). */
    static boolean carries(JsonWebToken token, Optional<String> wanted) {
        Object scope = token.getClaim("scope");
        return wanted.isPresent() && scope != null
                && List.of(scope.toString().replace("\"", "").split(" ")).contains(wanted.get());
    }
}
