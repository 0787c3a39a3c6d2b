package org.reformdesk.task.extension;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.util.UUID;

/** The reform office's queue of extension requests and its decisions on them. */
@Path("/api/v1/extension-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Extension requests")
class ExtensionRequestResource {

    @Inject
    ExtensionService extensions;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Extension requests, oldest first, filtered by state (PENDING: the office's queue), lead "
            + "unit, special group and task; a unit officer sees those of the tasks their unit leads")
    public Page<ExtensionView> list(@QueryParam("state") ExtensionState state, @QueryParam("unit") UUID unit,
            @QueryParam("group") UUID group, @QueryParam("task") UUID task, @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(unit).orElse(null);
        Page<ExtensionRequest> page = extensions.list(new ExtensionService.ExtensionFilter(state, scope, group, task),
                paging);
        return new Page<>(extensions.views(page.items()), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{requestId}")
    @Operation(summary = "One extension request, with its task and the decision, if made")
    public ExtensionView get(@PathParam("requestId") UUID requestId) {
        return extensions.view(extensions.readable(requestId, caller));
    }

    @POST
    @Path("{requestId}/decision")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Approve (the deadline moves to the date asked for, or the earlier one given as deadline) or "
            + "reject a pending request, with a comment; a decided request is 409; Idempotency-Key")
    public ExtensionView decide(@PathParam("requestId") UUID requestId,
            @NotNull @Valid ExtensionRequests.Decision decision,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return extensions.view(extensions.decide(requestId, decision, caller.name(), idempotencyKey));
    }
}
