package org.reformdesk.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when a service says no or is away: a 403 from a service is a page that says so (never an
 * empty table), a 404 says the item is not there, an unreachable service says which part is unavailable.
 */
@ApplicationScoped
class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    @Location("error.html")
    Template error;

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response refused(WebApplicationException refused, HttpHeaders headers) {
        int status = refused.getResponse().getStatus();
        boolean fragment = headers.getHeaderString("HX-Request") != null;
        return switch (status) {
            case 403 -> page(Response.Status.FORBIDDEN, "forbidden", fragment);
            case 404 -> page(Response.Status.NOT_FOUND, "notfound", fragment);
            case 401 -> page(Response.Status.UNAUTHORIZED, "signin", fragment);
            default -> {
                if (status >= 500) {
                    LOG.warnf("a service answered %d: %s", status, refused.getMessage());
                    yield page(Response.Status.BAD_GATEWAY, "unavailable", fragment);
                }
                yield page(Response.Status.fromStatusCode(status), "refused", fragment);
            }
        };
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException away, HttpHeaders headers) {
        LOG.warnf("a service could not be reached: %s", away.getMessage());
        return page(Response.Status.SERVICE_UNAVAILABLE, "unavailable", headers.getHeaderString("HX-Request") != null);
    }

    /** The error page (or, for an htmx request, the box alone) for {@code kind}: forbidden, notfound, csrf, … */
    public Response page(Response.StatusType status, String kind, boolean fragment) {
        if (identity.isAnonymous()) {
            // a public path (a missing icon, say): no one is signed in to show the console's frame to
            return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(status.getReasonPhrase()).build();
        }
        String html = fragment ? error.getFragment("box").data("kind", kind).data("status", status.getStatusCode()).render()
                : error.data("kind", kind).data("status", status.getStatusCode()).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
