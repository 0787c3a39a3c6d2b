package org.reformdesk.platform.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Roles;

import java.time.Instant;
import java.time.LocalDate;

/** Reads the service's clock and, in tests and the local demo, moves it to watch deadlines pass. */
@Path("/api/v1/clock")
// Named: the default a library resource gets would answer a client that accepts only XML with the view's toString.
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clock")
public class ClockResource {

    public record ClockView(Instant now, LocalDate today, String zone, boolean movable) {
    }

    public record ClockMove(@NotNull Instant now) {
    }

    @Inject
    ServiceClock clock;

    @GET
    @Operation(summary = "The service's current business time")
    public ClockView read() {
        return view();
    }

    @PUT
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Move the clock (only where reform.time.movable is set: tests and the local demo)")
    public ClockView move(@NotNull @Valid ClockMove move) {
        if (!clock.isMovable()) {
            throw ProblemException.conflict("Clock is fixed", "This service runs on the system clock; it cannot be moved.");
        }
        clock.moveTo(move.now());
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.today(), clock.getZone().getId(), clock.isMovable());
    }
}
