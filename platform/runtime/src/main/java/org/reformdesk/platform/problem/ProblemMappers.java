package org.reformdesk.platform.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Bodies never carry stack traces or SQL: a
 * failure we did not foresee is logged with an id and the client gets only that id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(typeOf(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    /**
     * Hibernate Validator wrote each field's message in the caller's language (Accept-Language, among
     * {@code quarkus.locales}); the title follows it, so a person reads one language.
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        String title = CallerLanguage.of(headers).equals(CallerLanguage.CHINESE) ? "请求无效" : "Invalid request";
        return respond(new Problem(typeOf(400), title, 400, detail, path(uri), errors));
    }

    /**
     * Every way a JSON body can fail to bind is the client's fault and a 400 naming the field where there is one.
     * Named one by one: the framework's own mappers for mismatched input and invalid definitions (a 500) would
     * otherwise be the closer match. A failure while writing a response is ours, and unexpected.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, InvalidDefinitionException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e.getProcessor() instanceof JsonGenerator) {
            return unexpected(e, uri);
        }
        String field = JsonFailure.field(e);
        String message = JsonFailure.message(e);
        String detail = field == null ? message : field + ": " + message;
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(typeOf(400), "Malformed request body", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(new Problem(typeOf(401), "Unauthorized", 401, "A valid bearer token is required.",
                path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(typeOf(403), "Forbidden", 403, "Your role does not allow this.", path(uri),
                List.of()));
    }

    /**
     * The framework's own refusals (unknown path, method, media type) get the standard detail rather than its
     * "HTTP 404 Not Found"; a failure it wrapped (a body it could not read, a parameter it could not convert) is
     * answered as that failure.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert with 404; input.ParameterCheck names the
            // parameter first, so this is only a type it does not know.
            return respond(new Problem(typeOf(400), "Invalid request", 400,
                    "A query or path parameter has a value of the wrong type or format.", path(uri), List.of()));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(typeOf(status), ProblemResponses.title(status), status,
                ProblemResponses.detail(status), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        UUID incident = UUID.randomUUID();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new Problem(typeOf(500), "Internal error", 500,
                "The request could not be completed; incident " + incident + " was logged.", path(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String typeOf(int status) {
        return "https://reformdesk.org/problems/" + status;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * The violated field as the client named it: {@code title} or {@code milestones[1].due}, not
     * {@code create.arg0.title}; a violated query parameter by its own name.
     */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !names.isEmpty()) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    names.add(node.getName());
                }
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter != null ? parameter : "body";
    }
}
