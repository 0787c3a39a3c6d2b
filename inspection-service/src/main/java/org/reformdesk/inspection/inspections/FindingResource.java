package org.reformdesk.inspection.inspections;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.time.ServiceClock;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Findings (问题) over REST, and the rectification items (整改清单) listed against them. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
class FindingResource {

    public record FindingView(UUID id, UUID inspectionId, String description, Severity severity, UUID unitId,
            Instant recordedAt, String recordedBy) {

        static FindingView of(Finding f) {
            return new FindingView(f.id, f.inspectionId, f.description, f.severity, f.unitId, f.recordedAt,
                    f.recordedBy);
        }
    }

    public record NewItem(@NotBlank @Size(max = 2000) String description, @NotNull LocalDate dueOn,
            UUID responsiblePersonId) {
    }

    @Inject
    InspectionService inspections;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @GET
    @Operation(summary = "Findings, newest first, by inspection, unit and severity; a unit officer sees their unit's")
    public Page<FindingView> list(@QueryParam("inspection") UUID inspection, @QueryParam("unit") UUID unit,
            @QueryParam("severity") Severity severity, @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(unit).orElse(null);
        return inspections.findings(inspection, scope, severity, paging).map(FindingView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One finding")
    public FindingView get(@PathParam("id") UUID id) {
        Finding finding = inspections.finding(id).orElseThrow(() -> ProblemException.notFound("Finding", id));
        caller.requireRead(finding.unitId);
        return FindingView.of(finding);
    }

    @POST
    @Path("{id}/rectification-items")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.INSPECTOR})
    @Operation(summary = "Put the finding on the unit's rectification list with a deadline (限时整改)")
    public Response addItem(@PathParam("id") UUID id, @NotNull @Valid NewItem request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (!request.dueOn().isAfter(clock.today())) {
            throw ProblemException.invalid("dueOn", "must be after today");
        }
        RectificationItem item = inspections.list(id, new InspectionService.NewItem(request.description(),
                request.dueOn(), request.responsiblePersonId()), caller.name(), key);
        return Response.created(URI.create("/api/v1/rectification-items/" + item.id))
                .entity(RectificationResource.ItemView.of(item, clock.today(), inspections)).build();
    }
}
