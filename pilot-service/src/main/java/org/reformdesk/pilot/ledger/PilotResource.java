package org.reformdesk.pilot.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.reformdesk.pilot.directory.KnownUnit;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.sheets.SheetTable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The pilot ledger (试点台账) over REST. */
@Path("/api/v1/pilots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pilots")
class PilotResource {

    /** One entry of a pilot's history. */
    public record HistoryView(Instant at, String actor, String action, PilotStatus from, PilotStatus to,
            String detail) {
    }

    /** Export at most this many pilots in one sheet; Chengdu's whole ledger is 373. */
    static final int EXPORT_LIMIT = 10_000;

    @Inject
    PilotService pilots;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Enter a pilot into the ledger as a candidate (试点线索)")
    public Response register(@NotNull @Valid PilotRequests.NewPilot pilot,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        PilotView created = PilotView.of(pilots.register(pilot, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/pilots/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The pilot ledger, newest first, by level, status, lead unit, lead leader and overdue "
            + "summaries; a unit officer sees their own unit's pilots")
    public Page<PilotView> list(@QueryParam("level") PilotLevel level, @QueryParam("status") PilotStatus status,
            @QueryParam("leadUnit") UUID leadUnit, @QueryParam("leader") UUID leader,
            @QueryParam("overdueSummaries") Boolean overdueSummaries, @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(leadUnit).orElse(null);
        return pilots.list(new PilotService.LedgerFilter(level, status, scope, leader, overdueSummaries), paging)
                .map(PilotView::of);
    }

    @GET
    @Path("counts")
    @Operation(summary = "Pilots per level and status, with totals")
    public PilotService.Counts counts(@QueryParam("leadUnit") UUID leadUnit) {
        return pilots.counts(caller.readScope(leadUnit).orElse(null));
    }

    @GET
    @Path("export")
    @Produces(SheetTable.MEDIA_TYPE)
    @Operation(summary = "The filtered ledger as an .xlsx sheet with Chinese headers")
    public Response export(@QueryParam("level") PilotLevel level, @QueryParam("status") PilotStatus status,
            @QueryParam("leadUnit") UUID leadUnit, @QueryParam("leader") UUID leader,
            @QueryParam("overdueSummaries") Boolean overdueSummaries) {
        UUID scope = caller.readScope(leadUnit).orElse(null);
        List<Pilot> ledger = pilots.list(new PilotService.LedgerFilter(level, status, scope, leader,
                overdueSummaries), PageRequest.of(0, EXPORT_LIMIT)).items();
        var names = KnownUnit.names(new ArrayList<>(ledger.stream().map(p -> p.leadUnitId).distinct().toList()));
        return SheetTable.download("pilot-ledger.xlsx", "试点台账", LedgerExport.HEADERS,
                LedgerExport.rows(ledger, names));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One pilot")
    public PilotView get(@PathParam("id") UUID id) {
        return PilotView.of(readable(id));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Everything that happened to a pilot, oldest first: who, when, what and why")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        readable(id);
        return pilots.history(id).stream()
                .map(h -> new HistoryView(h.at, h.actor, h.action, h.fromStatus, h.toStatus, h.detail)).toList();
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Move the pilot: APPROVED, IN_PROGRESS, ACCEPTANCE, COMPLETED, or EXITED with a reason")
    public PilotView move(@PathParam("id") UUID id, @NotNull @Valid PilotRequests.Move move) {
        return PilotView.of(pilots.move(id, move, caller.name()));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Adjust a pilot (动态调整): the fields given change, the reason is kept in the history")
    public PilotView adjust(@PathParam("id") UUID id, @NotNull @Valid PilotRequests.Adjustment adjustment) {
        return PilotView.of(pilots.adjust(id, adjustment, caller.name()));
    }

    @PUT
    @Path("{id}/responsibility-letter")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Record the signed responsibility letter (包联责任书)")
    public PilotView signLetter(@PathParam("id") UUID id, @NotNull @Valid PilotRequests.Letter letter) {
        return PilotView.of(pilots.signLetter(id, letter, caller.name()));
    }

    private Pilot readable(UUID id) {
        Pilot pilot = pilots.find(id).orElseThrow(() -> ProblemException.notFound("Pilot", id));
        caller.requireRead(pilot.leadUnitId);
        return pilot;
    }
}
