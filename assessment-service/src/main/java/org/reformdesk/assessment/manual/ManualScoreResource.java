package org.reformdesk.assessment.manual;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import org.reformdesk.assessment.manual.ManualScoreViews.ManualScoreView;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/** Manual scores: entered by the assessment group (assessor role), read by those who may read the unit. */
@Path("/api/v1/manual-scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment")
class ManualScoreResource {

    /** A month (YYYY-MM) or a year (YYYY). */
    static final String PERIOD = "\\d{4}(-(0[1-9]|1[0-2]))?";

    public record NewManualScore(@NotNull UUID unitId, @NotNull Indicator kind,
            @NotNull @Pattern(regexp = PERIOD, message = "must be YYYY-MM or YYYY") String period,
            @NotNull @DecimalMin(value = "0", message = "must be between 0 and 100")
            @DecimalMax(value = "100", message = "must be between 0 and 100") BigDecimal score,
            @Size(max = 2000) String note) {
    }

    @Inject
    ManualScoreService manualScores;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(summary = "Enter a unit's assessor score, peer evaluation (牵头部门评议) or democratic evaluation (民主评议) "
            + "for a month or a year, 0 to 100")
    public Response enter(@NotNull @Valid NewManualScore request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        ManualScoreView entered = ManualScoreView.of(manualScores.enter(request, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/manual-scores/" + entered.id())).entity(entered).build();
    }

    @GET
    @Operation(summary = "Manual scores by unit and period, latest period first; a unit officer sees their own unit's")
    public Page<ManualScoreView> list(@QueryParam("unitId") UUID unitId,
            @QueryParam("period") @Pattern(regexp = PERIOD, message = "must be YYYY-MM or YYYY") String period,
            @Valid @BeanParam PageRequest paging) {
        return manualScores.list(caller.readScope(unitId).orElse(null), period, paging).map(ManualScoreView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One manual score")
    public ManualScoreView get(@PathParam("id") UUID id) {
        ManualScore score = manualScores.find(id).orElseThrow(() -> ProblemException.notFound("Manual score", id));
        caller.requireRead(score.unitId);
        return ManualScoreView.of(score);
    }
}
