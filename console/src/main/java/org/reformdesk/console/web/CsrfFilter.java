package org.reformdesk.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/** Refuses every unsafe request that does not carry the sign-in's anti-forgery token (see {@link CsrfTokens}). */
class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Viewer viewer;

    @Inject
    CsrfTokens tokens;

    @Inject
    ErrorPages errors;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        if (tokens.matches(viewer.session(), request.getHeaderString(CsrfTokens.HEADER))) {
            return null;
        }
        // the refusal box alone: the full page's frame asks task-service whose inbox this is, which a filter on the
        // event loop may not wait for (a forged POST hung until the browser gave up)
        return errors.page(Response.Status.FORBIDDEN, "csrf", true);
    }
}
