package org.reformdesk.task.ledger;

import jakarta.ws.rs.QueryParam;
import org.reformdesk.platform.security.Caller;

import java.util.UUID;

/** The ledger's filter and sort query parameters, shared by the list, the summary and the export. */
public class LedgerParams {

    @QueryParam("status")
    public TaskStatus status;

    @QueryParam("timeliness")
    public Timeliness timeliness;

    @QueryParam("leadUnit")
    public UUID leadUnit;

    /** A unit that leads, co-leads or takes part. */
    @QueryParam("unit")
    public UUID unit;

    @QueryParam("group")
    public UUID group;

    @QueryParam("area")
    public String area;

    @QueryParam("origin")
    public TaskOrigin origin;

    @QueryParam("year")
    public Integer year;

    @QueryParam("rigid")
    public Boolean rigid;

    /** Text in the code, title or description. */
    @QueryParam("q")
    public String text;

    @QueryParam("tag")
    public String tag;

    @QueryParam("sort")
    public String sort;

    /** The filter within the caller's reach: a unit officer asking for another unit's tasks gets 403. */
    public LedgerFilter toFilter(Caller caller) {
        UUID scope = caller.readsAllUnits() ? null : caller.readScope(leadUnit).orElseThrow();
        caller.readScope(unit);
        return new LedgerFilter(status, timeliness, leadUnit, unit, group, area, origin, year, rigid, text, tag, scope);
    }
}
