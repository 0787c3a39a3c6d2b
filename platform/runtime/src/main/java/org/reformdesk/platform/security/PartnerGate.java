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
import java.util.regex.Pattern;

/**
 * A token with no role is a partner department's client (client credentials). Whatever an endpoint itself checks,
 * such a client reads only in a service whose read scope it carries (ledger:read in task-service, rankings:read in
 * assessment-service), and writes only what a scope it carries is configured to admit (progress:write admits the
 * monthly progress report in task-service); everything else is 403.
 */
public class PartnerGate {

    @Inject
    CurrentIdentityAssociation identities;

    @ConfigProperty(name = "reform.security.partner-read-scope")
    Optional<String> partnerReadScope;

    /**
     * The writes a partner scope admits, each "scope METHOD /path/{template}", e.g.
     * {@code progress:write POST /api/v1/tasks/{id}/reports}; none by default.
     */
    @ConfigProperty(name = "reform.security.partner-writes")
    Optional<List<String>> partnerWrites;

    @ServerRequestFilter
    public Uni<Response> admit(ContainerRequestContext request) {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !identity.getRoles().isEmpty()) {
                return null;
            }
            String method = request.getMethod();
            String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
            if (HttpMethod.GET.equals(method) && hasReadScope(identity)) {
                return null;
            }
            if (!HttpMethod.GET.equals(method) && admitsWrite(identity, method, path)) {
                return null;
            }
            String detail = partnerReadScope
                    .map(scope -> "A partner client may only read here, with the scope " + scope
                            + ", and write only what its scopes admit.")
                    .orElse("Partner clients may only make the writes their scopes admit here.");
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("https://reformdesk.org/problems/403", "Forbidden", 403, detail, path,
                            List.of()))
                    .build();
        });
    }

    private boolean hasReadScope(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && carries(token, partnerReadScope);
    }

    private boolean admitsWrite(SecurityIdentity identity, String method, String path) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        return partnerWrites.orElse(List.of()).stream().map(String::strip).map(write -> write.split("\\s+"))
                .anyMatch(write -> write.length == 3 && write[1].equalsIgnoreCase(method)
                        && template(write[2]).matcher(path).matches() && carries(token, Optional.of(write[0])));
    }

    /** "/api/v1/tasks/{id}/reports" as a pattern: each {parameter} is one path segment. */
    private static Pattern template(String template) {
        StringBuilder pattern = new StringBuilder();
        for (String part : template.split("\\{[^}]+}", -1)) {
            if (!pattern.isEmpty()) {
                pattern.append("[^/]+");
            }
            pattern.append(Pattern.quote(part));
        }
        return Pattern.compile(pattern.toString());
    }

    /** Whether the token's space-separated {@code scope} claim holds {@code wanted} (never, when none is wanted). */
    static boolean carries(JsonWebToken token, Optional<String> wanted) {
        Object scope = token.getClaim("scope");
        return wanted.isPresent() && scope != null
                && List.of(scope.toString().replace("\"", "").split(" ")).contains(wanted.get());
    }
}
