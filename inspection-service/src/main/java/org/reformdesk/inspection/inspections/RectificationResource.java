package org.reformdesk.inspection.inspections;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.reformdesk.platform.evidence.EvidenceUploads;
import org.reformdesk.platform.evidence.StoredEvidence;
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
import java.util.List;
import java.util.UUID;

/** Rectification items over REST: the unit's reports and the re-inspections. */
@Path("/api/v1/rectification-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
class RectificationResource {

    public record ReportView(UUID id, String content, String evidence, Instant reportedAt, String reportedBy) {
    }

    public record ReInspectionView(UUID id, ReInspectionOutcome outcome, String note, LocalDate newDueOn,
            Instant inspectedAt, String inspectedBy) {
    }

    public record ItemView(UUID id, UUID findingId, UUID unitId, String description, LocalDate dueOn,
            UUID responsiblePersonId, RectificationState state, boolean overdue, int reopened,
            List<ReportView> reports, List<ReInspectionView> reInspections, Instant createdAt, String createdBy) {

        static ItemView of(RectificationItem item, LocalDate today, InspectionService inspections) {
            return new ItemView(item.id, item.findingId, item.unitId, item.description, item.dueOn,
                    item.responsiblePersonId, item.state, item.isOverdue(today), item.reopened,
                    inspections.reports(item.id).stream().map(r -> new ReportView(r.id, r.content, r.evidence,
                            r.reportedAt, r.reportedBy)).toList(),
                    inspections.reInspections(item.id).stream().map(c -> new ReInspectionView(c.id, c.outcome,
                            c.note, c.newDueOn, c.inspectedAt, c.inspectedBy)).toList(),
                    item.createdAt, item.createdBy);
        }

        /** The list form, without the reports and re-inspections. */
        static ItemView brief(RectificationItem item, LocalDate today) {
            return new ItemView(item.id, item.findingId, item.unitId, item.description, item.dueOn,
                    item.responsiblePersonId, item.state, item.isOverdue(today), item.reopened, null, null,
                    item.createdAt, item.createdBy);
        }
    }

    public record NewReport(@NotBlank @Size(max = 4000) String content, @Size(max = 2000) String evidence) {
    }

    public record NewReInspection(@NotNull ReInspectionOutcome outcome, @NotBlank @Size(max = 2000) String note,
            LocalDate newDueOn) {
    }

    @Inject
    InspectionService inspections;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    EvidenceUploads uploads;

    @GET
    @Operation(summary = "Rectification items by deadline, by unit, finding, state and overdue; a unit officer sees "
            + "their unit's")
    public Page<ItemView> list(@QueryParam("unit") UUID unit, @QueryParam("finding") UUID finding,
            @QueryParam("state") RectificationState state, @QueryParam("overdue") Boolean overdue,
            @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(unit).orElse(null);
        LocalDate today = clock.today();
        return inspections.items(new InspectionService.ItemFilter(scope, finding, state, overdue), paging)
                .map(item -> ItemView.brief(item, today));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rectification item with its reports and re-inspections")
    public ItemView get(@PathParam("id") UUID id) {
        return ItemView.of(readable(id), clock.today(), inspections);
    }

    @POST
    @Path("{id}/reports")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER})
    @Operation(summary = "The unit reports its rectification (整改报告)")
    public ItemView report(@PathParam("id") UUID id, @NotNull @Valid NewReport request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireActFor(readable(id).unitId);
        RectificationItem item = inspections.report(id, new InspectionService.NewReport(request.content(),
                request.evidence()), caller.name(), key);
        return ItemView.of(item, clock.today(), inspections);
    }

    @POST
    @Path("{id}/reports/{reportId}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER})
    @Operation(summary = "Attach an evidence file (佐证材料) to a rectification report: PDF, PNG, JPEG, Word or Excel, "
            + "as the multipart field \"file\"; the kind is read from the bytes; the item's unit or the reform office")
    public Response attach(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId,
            @RestForm(EvidenceUploads.FIELD) FileUpload file) {
        caller.requireActFor(readable(id).unitId);
        StoredEvidence stored = inspections.attach(id, reportId, uploads.accepted(file), caller.name());
        return Response.created(URI.create("/api/v1/rectification-items/" + id + "/reports/" + reportId
                + "/evidence/" + stored.id())).entity(stored).build();
    }

    @GET
    @Path("{id}/reports/{reportId}/evidence")
    @Operation(summary = "The evidence files of a rectification report, oldest first")
    public List<StoredEvidence> evidence(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId) {
        readable(id);
        return inspections.evidence(id, reportId);
    }

    @GET
    @Path("{id}/reports/{reportId}/evidence/{evidenceId}")
    @Produces({"application/pdf", "image/png", "image/jpeg", "application/msword", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Download one evidence file, with its own media type and its name")
    public Response download(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId,
            @PathParam("evidenceId") UUID evidenceId) {
        readable(id);
        return inspections.evidence(id, reportId, evidenceId).map(EvidenceUploads::served)
                .orElseThrow(() -> ProblemException.notFound("Evidence file", evidenceId));
    }

    @POST
    @Path("{id}/re-inspections")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.INSPECTOR})
    @Operation(summary = "Re-inspect a reported rectification (复查): VERIFIED, or REOPENED with a new deadline")
    public ItemView reInspect(@PathParam("id") UUID id, @NotNull @Valid NewReInspection request,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        readable(id);
        RectificationItem item = inspections.reInspect(id, new InspectionService.NewReInspection(request.outcome(),
                request.note(), request.newDueOn()), caller.name(), key);
        return ItemView.of(item, clock.today(), inspections);
    }

    private RectificationItem readable(UUID id) {
        RectificationItem item = inspections.item(id)
                .orElseThrow(() -> ProblemException.notFound("Rectification item", id));
        caller.requireRead(item.unitId);
        return item;
    }
}
