package org.reformdesk.task.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitKind;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.task.directory.DirectoryViews.UnitView;

import java.net.URI;
import java.util.UUID;

/** The directory of units (责任单位) every task, order and ranking refers to. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
class UnitResource {

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Register a unit")
    public Response register(@NotNull @Valid DirectoryRequests.UnitDetails unit,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UnitView created = UnitView.of(units.register(unit, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/units/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Change a unit's code, name, assessment category or kind")
    public UnitView update(@PathParam("id") UUID id, @NotNull @Valid DirectoryRequests.UnitDetails unit) {
        return UnitView.of(units.update(id, unit, caller.name()));
    }

    @GET
    @Operation(summary = "The units, by code, filtered by category, kind and text in code or name")
    public Page<UnitView> list(@QueryParam("category") AssessmentCategory category, @QueryParam("kind") UnitKind kind,
            @QueryParam("q") String text, @Valid @BeanParam PageRequest paging) {
        return units.list(new UnitService.UnitFilter(category, kind, text), paging).map(UnitView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One unit")
    public UnitView get(@PathParam("id") UUID id) {
        return units.find(id).map(UnitView::of).orElseThrow(() -> ProblemException.notFound("Unit", id));
    }
}
