package org.reformdesk.platform.openapi;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.shedding.Sheddable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completes every service's OpenAPI document with what the platform enforces on every operation, so a partner's client
 * generator sees what the service will do: each operation under /api takes a bearer token (the HTTP permission
 * {@code quarkus.http.auth.permission.api} demands one, though an operation open to every role names no role), and
 * each names the refusals it can answer with, as RFC 9457 problems — 400 where it reads parameters or a body, 401
 * and 403 everywhere (a partner without the scope, a unit officer outside their unit), 404 where it names an item,
 * 409 for a write the item's state or a taken code forbids, 415 for a body, 422 for a reused Idempotency-Key, 503
 * with Retry-After where the resource method is {@link Sheddable}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class EnforcedContract implements OASFilter {

    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";

    /** Status → the component response naming it, and what it means here. */
    private static final Map<String, String[]> REFUSALS = refusals();

    private static Map<String, String[]> refusals() {
        Map<String, String[]> refusals = new LinkedHashMap<>();
        refusals.put("400", new String[] {"BadRequest", "A parameter or the body is malformed or invalid; "
                + "errors[] names each field or parameter and what is wrong with it."});
        refusals.put("401", new String[] {"Unauthorized", "No bearer token, or one that is expired, forged or "
                + "unusable."});
        refusals.put("403", new String[] {"Forbidden", "The caller's role, unit or partner scope does not allow this."});
        refusals.put("404", new String[] {"NotFound", "No item with that id."});
        refusals.put("409", new String[] {"Conflict", "The item's current state, or a code already taken, does not "
                + "allow this."});
        refusals.put("415", new String[] {"UnsupportedMediaType", "The body is not of a media type this operation "
                + "reads."});
        refusals.put("422", new String[] {"UnprocessableContent", "The Idempotency-Key was already used with another "
                + "body."});
        refusals.put("503", new String[] {"ServiceUnavailable", "The service is answering as many of these reads as it "
                + "can at once and this one could not start within a few tens of milliseconds; ask again after the "
                + "seconds in Retry-After."});
        return refusals;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One rejected field or parameter.")
                .addProperty("field", text("The field as the request named it (milestones[1].dueOn) or the "
                        + "parameter's name."))
                .addProperty("message", text("What is wrong with it.")).required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail. Bodies never carry stack traces or SQL; an unexpected "
                        + "failure names an incident id that the service logged.")
                .addProperty("type", text("A URI naming the kind of problem."))
                .addProperty("title", text("A short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("The HTTP status."))
                .addProperty("detail", text("What went wrong with this request."))
                .addProperty("instance", text("The path of the request."))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("For a validation failure, each rejected field.")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .required(List.of("type", "title", "status")));
        REFUSALS.forEach((status, named) -> components.addResponse(named[0], OASFactory.createAPIResponse()
                .description(named[1]).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))))));
        components.getResponses().get(REFUSALS.get("503")[0]).addHeader(HttpHeaders.RETRY_AFTER,
                OASFactory.createHeader().description("Seconds to wait before asking again.")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        if (openAPI.getPaths() == null) {
            return;
        }
        Set<String> sheddable = sheddableOperations();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                enforce(method, operation);
                if (sheddable.contains(operation.getOperationId())) {
                    refuse(operation, "503");
                }
            }
        }));
    }

    /**
     * The operation ids of the resource methods marked {@link Sheddable}: the document keeps no trace of the Java
     * method, so they are named as the platform's operation-id strategy (CLASS_METHOD) names them.
     */
    private static Set<String> sheddableOperations() {
        return Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .distinct()
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(method -> method.isAnnotationPresent(Sheddable.class))
                        .map(method -> type.getSimpleName() + "_" + method.getName()))
                .collect(Collectors.toSet());
    }

    private static void enforce(PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement()
                    .addScheme(PartnerSecurityScheme.USERS));
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || !parameters.isEmpty()) {
            refuse(operation, "400");
        }
        refuse(operation, "401");
        refuse(operation, "403");
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            refuse(operation, "404");
        }
        if (method != PathItem.HttpMethod.GET) {
            refuse(operation, "409");
        }
        if (body) {
            refuse(operation, "415");
        }
        if (parameters.stream().anyMatch(p -> IdempotencyKeys.HEADER.equals(p.getName()))) {
            refuse(operation, "422");
        }
    }

    private static void refuse(Operation operation, String status) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = OASFactory.createAPIResponse().ref(REFUSALS.get(status)[0]);
        operation.getResponses().addAPIResponse(status, response);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
