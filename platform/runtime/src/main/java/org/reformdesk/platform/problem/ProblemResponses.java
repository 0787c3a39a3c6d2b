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
        response.setEntity(new Problem("https://reformdesk.org/problems/" + status, title(status), status,
                detail(status), null, List.of()), null, PROBLEM);
    }

    /** The standard reason phrase of {@code status}. */
    public static String title(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return switch (status) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> type != null ? type.getReasonPhrase() : "Error";
        };
    }

    /** What the client can do about a refusal the framework made itself. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: the body must be valid JSON of the documented shape.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type; accept application/json.";
            case 413 -> "The body is too large.";
            case 414 -> "The address is too long.";
            case 415 -> "This address does not accept that content type; send application/json.";
            case 431 -> "The request's headers are too large.";
            default -> title(status) + ".";
        };
    }
}
