package org.reformdesk.pilot.summaries;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.pilot.ledger.Pilot;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** Pilots' periodic summaries ("四个一") over REST. */
@Path("/api/v1/pilots/{id}/summaries")
@Tag(name = "Pilot summaries")
class SummaryResource {

    /** A summary as submitted: the period is 2026-03 (monthly), 2026-Q1, 2026-H1, or the year for the final one. */
    public record NewSummary(@NotNull SummaryKind kind, @NotBlank @Size(max = 7) String period,
            @NotBlank @Size(max = 20_000) String content, @Size(max = 500) String document) {
    }

    @Inject
    SummaryService summaries;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The pilot's calendar of summaries: each due date, and whether it is in, overdue or upcoming")
    public List<SummaryService.CalendarEntry> calendar(@PathParam("id") UUID id) {
        Pilot pilot = pilot(id);
        caller.requireRead(pilot.leadUnitId);
        return summaries.calendar(pilot);
    }

    @POST
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER})
    @Operation(summary = "Submit a summary (the reform office or the lead unit); a second one for a period updates it")
    public Response submit(@PathParam("id") UUID id, @NotNull @Valid NewSummary summary) {
        Pilot pilot = pilot(id);
        caller.requireActFor(pilot.leadUnitId);
        boolean first = summaries.submit(pilot, new SummaryService.Submission(summary.kind(), summary.period(),
                summary.content(), summary.document()), caller.name());
        List<SummaryService.CalendarEntry> entry = summaries.calendar(pilot).stream()
                .filter(e -> e.kind() == summary.kind() && e.period().equals(summary.period())).toList();
        return Response.status(first ? 201 : 200).entity(entry.get(0)).build();
    }

    private static Pilot pilot(UUID id) {
        return Pilot.<Pilot>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Pilot", id));
    }
}
