package org.reformdesk.assessment.monthly;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.time.YearMonth;

/** Closes and publishes an ended month now instead of waiting for the schedule. */
@Path("/api/v1/month-closes")
// JSON only: a one-string record would otherwise be read from any text/plain body, too.
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment")
class MonthCloseResource {

    public record CloseRequest(@NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be YYYY-MM")
            String month) {
    }

    @Inject
    MonthClose monthClose;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Freeze and publish an ended month's rankings (一月一通报); closing it again changes nothing")
    public MonthClose.Result close(@NotNull @Valid CloseRequest request) {
        return monthClose.close(YearMonth.parse(request.month()), caller.name());
    }
}
