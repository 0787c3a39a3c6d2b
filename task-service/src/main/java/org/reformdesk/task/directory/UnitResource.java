package org.reformdesk.task.directory;

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitKind;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.net.URI;
import java.util.UUID;

/** The directory of units (责任单位) every task, order and ranking refers to. */
@Path("/api/v1/units")
@Tag(name = "Directory")
public class UnitResource {

    public record NewUnit(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and '-' only") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull AssessmentCategory category,
            @NotNull UnitKind kind) {
    }

    public record UnitView(UUID id, String code, String name, AssessmentCategory category, UnitKind kind) {

        static UnitView of(Unit unit) {
            return new UnitView(unit.id, unit.code, unit.name, unit.category, unit.kind);
        }
    }

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Register a unit")
    public Response register(@NotNull @Valid NewUnit unit, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UnitView created = UnitView.of(units.register(unit, caller.name(), idempotencyKey));
        return Response.created(URI.create("/api/v1/units/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The units, by code")
    public Page<UnitView> list(@Valid @BeanParam PageRequest paging) {
        return units.list(paging).map(UnitView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One unit")
    public UnitView get(@PathParam("id") UUID id) {
        return units.find(id).map(UnitView::of).orElseThrow(() -> ProblemException.notFound("Unit", id));
    }
}
