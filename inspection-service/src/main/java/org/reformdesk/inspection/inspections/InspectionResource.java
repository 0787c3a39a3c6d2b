package org.reformdesk.inspection.inspections;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Inspections (督察) over REST, and the findings they record. */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
class InspectionResource {

    public record InspectionView(UUID id, String title, InspectionType type, InspectionMethod method, String scope,
            LocalDate startsOn, LocalDate endsOn, List<String> inspectors, Instant createdAt, String createdBy) {

        static InspectionView of(Inspection i) {
            return new InspectionView(i.id, i.title, i.type, i.method, i.scope, i.startsOn, i.endsOn, i.inspectors,
                    i.createdAt, i.createdBy);
        }
    }

    public record NewInspection(@NotBlank @Size(max = 500) String title, @NotNull InspectionType type,
            @NotNull InspectionMethod method, @NotBlank @Size(max = 2000) String scope, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn, @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> inspectors) {
    }

    public record NewFinding(@NotBlank @Size(max = 2000) String description, @NotNull Severity severity,
            @NotNull UUID unitId) {
    }

    @Inject
    InspectionService inspections;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.INSPECTOR})
    @Operation(summary = "Record an inspection: type, method, scope, dates and inspectors")
    public Response create(@NotNull @Valid NewInspection request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Inspection created = inspections.create(new InspectionService.NewInspection(request.title(), request.type(),
                request.method(), request.scope(), request.startsOn(), request.endsOn(), request.inspectors()),
                caller.name(), key);
        return Response.created(URI.create("/api/v1/inspections/" + created.id)).entity(InspectionView.of(created))
                .build();
    }

    @GET
    @Operation(summary = "Inspections, latest first, by type and by a date range they overlap")
    public Page<InspectionView> list(@QueryParam("type") InspectionType type, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @Valid @BeanParam PageRequest paging) {
        return inspections.inspections(type, from, to, paging).map(InspectionView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One inspection")
    public InspectionView get(@PathParam("id") UUID id) {
        return InspectionView.of(inspections.inspection(id)
                .orElseThrow(() -> ProblemException.notFound("Inspection", id)));
    }

    @POST
    @Path("{id}/findings")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.INSPECTOR})
    @Operation(summary = "Record a problem the inspection found at a unit")
    public Response addFinding(@PathParam("id") UUID id, @NotNull @Valid NewFinding request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Finding finding = inspections.record(id, new InspectionService.NewFinding(request.description(),
                request.severity(), request.unitId()), caller.name(), key);
        return Response.created(URI.create("/api/v1/findings/" + finding.id))
                .entity(FindingResource.FindingView.of(finding)).build();
    }
}
