package org.reformdesk.pilot.outcomes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.pilot.ledger.Pilot;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Pilot outcomes (制度性成果, 可复制可推广经验) and demonstration sites (示范点位) over REST. */
@Path("/api/v1/pilots/{id}")
@Tag(name = "Pilot outcomes")
class OutcomeResource {

    /** An outcome; a promotion level and its date go together. */
    public record NewOutcome(@NotNull OutcomeKind kind, @NotBlank @Size(max = 500) String title,
            @Size(max = 5000) String description, PromotionLevel promotionLevel, LocalDate promotedOn) {
    }

    public record OutcomeView(UUID id, OutcomeKind kind, String title, String description,
            PromotionLevel promotionLevel, LocalDate promotedOn, Instant recordedAt, String recordedBy) {

        static OutcomeView of(PilotOutcome o) {
            return new OutcomeView(o.id, o.kind, o.title, o.description, o.promotionLevel, o.promotedOn, o.recordedAt,
                    o.recordedBy);
        }
    }

    public record NewSite(@NotBlank @Size(max = 200) String name, @Size(max = 500) String location,
            LocalDate designatedOn) {
    }

    public record SiteView(UUID id, String name, String location, LocalDate designatedOn, Instant recordedAt,
            String recordedBy) {

        static SiteView of(DemonstrationSite s) {
            return new SiteView(s.id, s.name, s.location, s.designatedOn, s.recordedAt, s.recordedBy);
        }
    }

    @Inject
    OutcomeService outcomes;

    @Inject
    Caller caller;

    @GET
    @Path("outcomes")
    @Operation(summary = "The pilot's outcomes and where they were promoted")
    public List<OutcomeView> outcomes(@PathParam("id") UUID id) {
        caller.requireRead(pilot(id).leadUnitId);
        return outcomes.outcomes(id).stream().map(OutcomeView::of).toList();
    }

    @POST
    @Path("outcomes")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER})
    @Operation(summary = "Record an outcome (the reform office or the lead unit); a promoted one is announced")
    public Response record(@PathParam("id") UUID id, @NotNull @Valid NewOutcome outcome,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Pilot pilot = pilot(id);
        caller.requireActFor(pilot.leadUnitId);
        return Response.status(201)
                .entity(OutcomeView.of(outcomes.record(pilot, outcome, caller.name(), idempotencyKey))).build();
    }

    @GET
    @Path("sites")
    @Operation(summary = "The pilot's demonstration sites")
    public List<SiteView> sites(@PathParam("id") UUID id) {
        caller.requireRead(pilot(id).leadUnitId);
        return outcomes.sites(id).stream().map(SiteView::of).toList();
    }

    @POST
    @Path("sites")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.UNIT_OFFICER})
    @Operation(summary = "Designate a demonstration site (the reform office or the lead unit)")
    public Response designate(@PathParam("id") UUID id, @NotNull @Valid NewSite site,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Pilot pilot = pilot(id);
        caller.requireActFor(pilot.leadUnitId);
        return Response.status(201)
                .entity(SiteView.of(outcomes.designate(pilot, site, caller.name(), idempotencyKey))).build();
    }

    private static Pilot pilot(UUID id) {
        return Pilot.<Pilot>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Pilot", id));
    }
}
