package org.reformdesk.assessment.scheme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.time.ServiceClock;

import java.net.URI;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assessment schemes (考核方案): drafted and published by the reform office, read by everyone. */
@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment")
class SchemeResource {

    public record NewScheme(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 200) String name,
            @NotNull Map<AssessmentCategory, List<SchemeDefinition.Weighted>> categories,
            @NotNull SchemeDefinition.YearEnd yearEnd) {
    }

    public record SchemeView(UUID id, int year, int version, Scheme.Status status, String name,
            Map<AssessmentCategory, List<SchemeDefinition.Weighted>> categories, SchemeDefinition.YearEnd yearEnd,
            String createdBy, Instant createdAt, String publishedBy, Instant publishedAt) {
    }

    public record PublicationView(SchemeView scheme, Rescoring.Result rescored) {
    }

    @Inject
    SchemeService schemes;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Draft a new version of a year's scheme; refused unless each category's weights add up to "
            + "100 and every indicator is valued as its kind needs")
    public Response draft(@NotNull @Valid NewScheme request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        SchemeView created = view(schemes.draft(request, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/schemes/" + created.id())).entity(created).build();
    }

    @POST
    @Path("{id}/publication")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Put a draft in force for its year (the version in force is superseded) and rescore every "
            + "month from the stored facts; frozen months stay as published")
    public PublicationView publish(@PathParam("id") UUID id) {
        SchemeService.Publication publication = schemes.publish(id, caller.name());
        return new PublicationView(view(publication.scheme()), publication.rescored());
    }

    @GET
    @Operation(summary = "The schemes, latest year and version first")
    public Page<SchemeView> list(@QueryParam("year") Integer year, @Valid @BeanParam PageRequest paging) {
        return schemes.list(year, paging).map(this::view);
    }

    @GET
    @Path("in-force")
    @Operation(summary = "The scheme in force for a year (default: this year)")
    public SchemeView inForce(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return view(schemes.inForce(year == null ? Year.now(clock).getValue() : year));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One version of a scheme")
    public SchemeView get(@PathParam("id") UUID id) {
        return view(schemes.find(id).orElseThrow(() -> ProblemException.notFound("Scheme", id)));
    }

    private SchemeView view(Scheme scheme) {
        SchemeDefinition definition = schemes.definition(scheme);
        return new SchemeView(scheme.id, scheme.year, scheme.version, scheme.status, scheme.name,
                definition.categories(), definition.yearEnd(), scheme.createdBy, scheme.createdAt, scheme.publishedBy,
                scheme.publishedAt);
    }
}
