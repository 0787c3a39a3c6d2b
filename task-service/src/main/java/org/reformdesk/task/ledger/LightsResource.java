package org.reformdesk.task.ledger;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.shedding.Sheddable;

/** The ledger's traffic lights per area, category and group, for the console's battle map (作战图). */
@Path("/api/v1/tasks/lights")
@Tag(name = "Ledger")
class LightsResource {

    @Inject
    LedgerLights lights;

    @Inject
    Caller caller;

    @GET
    @Sheddable
    @Operation(summary = "Tasks by traffic light (OVERDUE, DUE_SOON, ON_TRACK) per policy area, per lead unit's "
            + "assessment category and per special group, and how many fell overdue this month; within the caller's units")
    public LedgerLights.Lights get() {
        return lights.of(new LedgerParams().toFilter(caller));
    }
}
