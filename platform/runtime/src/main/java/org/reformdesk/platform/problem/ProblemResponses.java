package org.reformdesk.platform.problem;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * Catches the error responses that bypass the exception mappers (the JSON reader answers unreadable bodies
 * with a ready-made response; the framework answers unknown paths and wrong media types) and gives them the
 * same problem+json shape, without the framework's internal details.
 */
public class ProblemResponses {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerResponseFilter
    public void asProblem(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.getEntity() instanceof Problem) {
            return;
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request could not be read: the body must be valid JSON of the documented shape.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 415 -> "This address does not accept that content type; send application/json.";
            default -> title + ".";
        };
        response.setEntity(new Problem("https://reformdesk.org/problems/" + status, title, status, detail, null,
                List.of()), null, PROBLEM);
    }
}
