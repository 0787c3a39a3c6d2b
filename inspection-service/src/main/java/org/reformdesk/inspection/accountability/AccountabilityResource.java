package org.reformdesk.inspection.accountability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;

/** Accountability records (问责) over REST. */
@Path("/api/v1/accountability-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accountability")
class AccountabilityResource {

    public record RecordView(UUID id, Measure measure, String measureLabel, UUID unitId, UUID personId,
            String subjectType, UUID subjectId, String basis, Instant recordedAt, String recordedBy) {

        static RecordView of(AccountabilityRecord r) {
            return new RecordView(r.id, r.measure, r.measure.label(), r.unitId, r.personId, r.subjectType,
                    r.subjectId, r.basis, r.recordedAt, r.recordedBy);
        }
    }

    public record NewRecord(@NotNull Measure measure,
            @NotNull @Pattern(regexp = "ORDER|FINDING", message = "must be ORDER or FINDING") String subjectType,
            @NotNull UUID subjectId, UUID personId, @NotBlank @Size(max = 2000) String basis) {
    }

    @Inject
    AccountabilityService accountability;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Record a measure against the unit of a top-rung order past its reply-by date (ORDER) or of "
            + "a finding whose rectification a re-inspection reopened (FINDING)")
    public Response record(@NotNull @Valid NewRecord request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID unit = accountability.accountableUnit(request.subjectType(), request.subjectId());
        AccountabilityRecord record = accountability.record(new AccountabilityService.NewRecord(request.measure(),
                request.subjectType(), request.subjectId(), request.personId(), request.basis()), unit, caller.name(),
                key);
        return Response.created(URI.create("/api/v1/accountability-records/" + record.id))
                .entity(RecordView.of(record)).build();
    }

    @GET
    @Operation(summary = "Accountability records, newest first, by unit, measure and subject; a unit officer sees "
            + "their unit's")
    public Page<RecordView> list(@QueryParam("unit") UUID unit, @QueryParam("measure") Measure measure,
            @QueryParam("subject") UUID subject, @Valid @BeanParam PageRequest paging) {
        return accountability.list(caller.readScope(unit).orElse(null), measure, subject, paging).map(RecordView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One accountability record")
    public RecordView get(@PathParam("id") UUID id) {
        AccountabilityRecord record = accountability.find(id)
                .orElseThrow(() -> ProblemException.notFound("Accountability record", id));
        caller.requireRead(record.unitId);
        return RecordView.of(record);
    }
}
