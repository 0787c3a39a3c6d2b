package org.reformdesk.task.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.reformdesk.platform.evidence.EvidenceFile;
import org.reformdesk.platform.evidence.EvidenceStore;
import org.reformdesk.platform.evidence.EvidenceUploads;
import org.reformdesk.platform.evidence.StoredEvidence;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.task.ledger.TaskService;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The lead unit's monthly progress reports (进展报告) on a task. */
@Path("/api/v1/tasks/{id}/reports")
@Tag(name = "Progress reports")
class ReportResource {

    /** One month's report: percent complete, what happened, problems, next steps and evidence file references. */
    public record Filing(
            @NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month as yyyy-MM") String period,
            @NotNull @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100") Integer percent,
            @NotBlank @Size(max = 10_000) String narrative,
            @Size(max = 10_000) String problems,
            @Size(max = 10_000) String nextSteps,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence) {
    }

    public record RevisionView(int revision, int percent, String narrative, String problems, String nextSteps,
            List<String> evidence, boolean late, Instant reportedAt, String reportedBy) {

        static RevisionView of(ReportRevision revision) {
            return new RevisionView(revision.revision, revision.percent, revision.narrative, revision.problems,
                    revision.nextSteps, List.copyOf(revision.evidence), revision.late, revision.reportedAt,
                    revision.reportedBy);
        }
    }

    public record ReportView(UUID id, UUID taskId, String period, int revision, int percent, String narrative,
            String problems, String nextSteps, List<String> evidence, boolean late, Instant reportedAt,
            String reportedBy, List<RevisionView> revisions) {

        static ReportView of(ProgressReport report, List<RevisionView> revisions) {
            return new ReportView(report.id, report.taskId, report.period, report.revision, report.percent,
                    report.narrative, report.problems, report.nextSteps, List.copyOf(report.evidence), report.late,
                    report.reportedAt, report.reportedBy, revisions);
        }
    }

    /**
     * The most files one filing takes. All of them travel in one request body, which reform.http.max-upload-size
     * bounds anyway; ten is more than a month's report has needed, and keeps one transaction's bytes in reason.
     */
    static final int MAX_FILES = 10;

    @Inject
    ReportService reports;

    @Inject
    Validator validator;

    @Inject
    TaskService tasks;

    @Inject
    Caller caller;

    @Inject
    EvidenceUploads uploads;

    @Inject
    EvidenceStore evidence;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File the month's report (201), or update it (200) keeping the earlier filing; the lead "
            + "unit, its special group's liaison or the reform office. As multipart/form-data it takes the same "
            + "fields (period, percent, narrative, problems, nextSteps) and evidence files (佐证材料) as one or more "
            + "fields \"file\", stored in one go: a refused file (413, 415) leaves no report, a refused report no file")
    public Response file(@PathParam("id") UUID id, @NotNull @Valid Filing filing,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return filed(reports.file(id, filing, caller, idempotencyKey));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response fileWithEvidence(@PathParam("id") UUID id, @RestForm String period, @RestForm String percent,
            @RestForm String narrative, @RestForm String problems, @RestForm String nextSteps,
            @RestForm(EvidenceUploads.FIELD) List<FileUpload> files,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Filing filing = new Filing(period, wholeNumber(percent), narrative, problems, nextSteps, null);
        Set<ConstraintViolation<Filing>> violations = validator.validate(filing);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        // a browser's form sends an empty, unnamed part when no file was chosen
        List<FileUpload> chosen = files == null ? List.of() : files.stream()
                .filter(f -> f.size() > 0 || f.fileName() != null && !f.fileName().isBlank()).toList();
        if (chosen.size() > MAX_FILES) {
            throw ProblemException.invalid(EvidenceUploads.FIELD, "has " + chosen.size() + " files; a filing takes at "
                    + "most " + MAX_FILES + ", more can be attached to the report afterwards");
        }
        if (!chosen.isEmpty() && caller.isPartner()) {
            throw ProblemException.forbidden("A partner files the report; its evidence files are attached by the lead "
                    + "unit, its special group's liaison or the reform office.");
        }
        List<EvidenceFile> accepted = chosen.stream().map(uploads::accepted).toList();
        return filed(reports.file(id, filing, accepted, caller, idempotencyKey));
    }

    private static Response filed(ReportService.Filed filed) {
        ReportView view = ReportView.of(filed.report(), null);
        return (filed.first() ? Response.created(URI.create("/api/v1/tasks/" + filed.report().taskId + "/reports/"
                + view.period())) : Response.ok()).entity(view).build();
    }

    /** A form's percent, or -1 (refused as out of range) when it is no whole number. */
    private static Integer wholeNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GET
    @Operation(summary = "The task's reports, newest month first")
    public List<ReportView> list(@PathParam("id") UUID id) {
        readable(id);
        return reports.reports(id).stream().map(r -> ReportView.of(r, null)).toList();
    }

    @GET
    @Path("{period}")
    @Operation(summary = "One month's report with every filing of it")
    public ReportView get(@PathParam("id") UUID id, @PathParam("period") String period) {
        readable(id);
        ProgressReport report = reports.report(id, period);
        return ReportView.of(report, reports.revisions(report.id).stream().map(RevisionView::of).toList());
    }

    @POST
    @Path("{period}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER, Roles.GROUP_LIAISON})
    @Operation(summary = "Attach an evidence file (佐证材料) to the month's report: PDF, PNG, JPEG, Word or Excel, "
            + "as the multipart field \"file\"; the kind is read from the bytes; the lead unit, its special group's "
            + "liaison or the reform office")
    public Response attach(@PathParam("id") UUID id, @PathParam("period") String period,
            @RestForm(EvidenceUploads.FIELD) FileUpload file) {
        StoredEvidence stored = reports.attach(id, period, uploads.accepted(file), caller);
        return Response.created(URI.create("/api/v1/tasks/" + id + "/reports/" + period + "/evidence/" + stored.id()))
                .entity(stored).build();
    }

    @GET
    @Path("{period}/evidence")
    @Operation(summary = "The evidence files of the month's report, oldest first")
    public List<StoredEvidence> evidence(@PathParam("id") UUID id, @PathParam("period") String period) {
        readable(id);
        return evidence.list(reports.report(id, period).id);
    }

    @GET
    @Path("{period}/evidence/{evidenceId}")
    @Produces({"application/pdf", "image/png", "image/jpeg", "application/msword", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Download one evidence file, with its own media type and its name")
    public Response download(@PathParam("id") UUID id, @PathParam("period") String period,
            @PathParam("evidenceId") UUID evidenceId) {
        readable(id);
        return evidence.get(reports.report(id, period).id, evidenceId).map(EvidenceUploads::served)
                .orElseThrow(() -> ProblemException.notFound("Evidence file", evidenceId));
    }

    private void readable(UUID id) {
        tasks.readable(id, caller);
    }
}
