package org.reformdesk.inspection.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Roles;

/** Runs the escalation sweep now instead of waiting for its schedule (after moving the demo clock, say). */
@Path("/api/v1/orders/escalation-sweeps")
@Tag(name = "Supervision")
class EscalationSweepResource {

    @Inject
    EscalationSweep sweep;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Escalate every order past its reply-by date now; each escalates once")
    public EscalationSweep.Result sweep() {
        return sweep.sweep();
    }
}
