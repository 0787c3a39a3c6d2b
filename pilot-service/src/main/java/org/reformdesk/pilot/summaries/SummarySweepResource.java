package org.reformdesk.pilot.summaries;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Roles;

/** Runs the summary sweep now instead of waiting for its schedule (after moving the demo clock, say). */
@Path("/api/v1/summary-sweeps")
@Tag(name = "Pilot summaries")
class SummarySweepResource {

    @Inject
    SummarySweep sweep;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Look for missing summaries now; each (pilot, kind, period) is still signalled only once")
    public SummarySweep.Result sweep() {
        return sweep.sweep();
    }
}
