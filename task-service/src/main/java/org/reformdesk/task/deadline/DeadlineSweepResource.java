package org.reformdesk.task.deadline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Roles;

/** Runs the deadline sweep now instead of waiting for its schedule (after moving the demo clock, say). */
@Path("/api/v1/deadline-sweeps")
@Tag(name = "Deadlines")
class DeadlineSweepResource {

    @Inject
    DeadlineSweep sweep;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Sweep deadlines now; each overdue (task, deadline) is still signalled only once")
    public DeadlineSweep.Result sweep() {
        return sweep.sweep();
    }
}
