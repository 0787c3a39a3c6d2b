package org.reformdesk.assessment.exemption;

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
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Exemptions (容错): granted by the reform office, read by everyone who may read the unit's scores. */
@Path("/api/v1/exemptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment")
class ExemptionResource {

    public record NewExemption(@NotNull UUID unitId, @NotNull UUID subjectId, @NotNull Indicator indicator,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** An exemption; {@code occasion} is the one occasion it covers (an approved extension's old deadline), or null. */
    public record ExemptionView(UUID id, UUID unitId, UUID subjectId, Indicator indicator, String occasion,
            String reason, String grantedBy, Instant grantedAt) {

        static ExemptionView of(Exemption e) {
            return new ExemptionView(e.id, e.unitId, e.subjectId, e.indicator, e.occasion, e.reason, e.grantedBy,
                    e.grantedAt);
        }
    }

    @Inject
    ExemptionService exemptions;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Exempt a unit's points for a subject under an indicator, with a reason (容错); they stop "
            + "counting at once and the unit is re-ranked")
    public Response grant(@NotNull @Valid NewExemption request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        ExemptionView granted = ExemptionView.of(exemptions.grant(request, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/exemptions/" + granted.id())).entity(granted).build();
    }

    @GET
    @Operation(summary = "Exemptions, newest first; a unit officer sees their own unit's")
    public Page<ExemptionView> list(@QueryParam("unitId") UUID unitId, @Valid @BeanParam PageRequest paging) {
        return exemptions.list(caller.readScope(unitId).orElse(null), paging).map(ExemptionView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One exemption")
    public ExemptionView get(@PathParam("id") UUID id) {
        Exemption exemption = exemptions.find(id).orElseThrow(() -> ProblemException.notFound("Exemption", id));
        caller.requireRead(exemption.unitId);
        return ExemptionView.of(exemption);
    }
}
