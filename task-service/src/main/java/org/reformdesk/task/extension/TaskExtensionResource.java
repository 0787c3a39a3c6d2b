package org.reformdesk.task.extension;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.task.ledger.TaskService;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A task's extension requests (延期申请): the lead unit asks, the task's page lists them. */
@Path("/api/v1/tasks/{id}/extension-requests")
@Tag(name = "Extension requests")
class TaskExtensionResource {

    @Inject
    ExtensionService extensions;

    @Inject
    TaskService tasks;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER, Roles.GROUP_LIAISON})
    @Operation(summary = "Ask for a later deadline (201), before the current one passes (after it: 422); the lead "
            + "unit, its special group's liaison or the reform office; one pending request per task (409); "
            + "Idempotency-Key")
    public Response request(@PathParam("id") UUID id, @NotNull @Valid ExtensionRequests.NewRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        ExtensionView created = extensions.view(extensions.request(id, request, caller, idempotencyKey));
        return Response.created(URI.create("/api/v1/extension-requests/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The task's extension requests, newest first")
    public List<ExtensionView> list(@PathParam("id") UUID id) {
        tasks.readable(id, caller);
        return extensions.views(extensions.ofTask(id));
    }
}
