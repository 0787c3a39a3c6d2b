package org.reformdesk.inspection.inspections;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Roles;

/** Runs the rectification sweep now instead of waiting for its schedule (after moving the demo clock, say). */
@Path("/api/v1/rectification-items/overdue-sweeps")
@Tag(name = "Inspections")
class RectificationSweepResource {

    @Inject
    RectificationSweep sweep;

    @POST
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Signal items past their deadline now; each (item, deadline) is signalled once")
    public RectificationSweep.Result sweep() {
        return sweep.sweep();
    }
}
