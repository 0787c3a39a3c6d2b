package org.reformdesk.task.ledger;

import jakarta.ws.rs.QueryParam;
import org.reformdesk.platform.problem.ProblemException;
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

    /** 责任人: the person responsible for the task. */
    @QueryParam("responsiblePerson")
    public UUID responsiblePerson;

    /** 责任领导: the leader responsible for the task. */
    @QueryParam("responsibleLeader")
    public UUID responsibleLeader;

    /** "My tasks": those whose responsible person or responsible leader is the caller's own person. */
    @QueryParam("mine")
    public Boolean mine;

    @QueryParam("sort")
    public String sort;

    /**
     * The filter within the caller's reach: a unit officer asking for another unit's tasks gets 403, and so does a
     * caller asking for their own tasks whose login is nobody's in the directory.
     */
    public LedgerFilter toFilter(Caller caller) {
        UUID scope = caller.readsAllUnits() ? null : caller.readScope(leadUnit).orElseThrow();
        caller.readScope(unit);
        UUID me = Boolean.TRUE.equals(mine) ? caller.person().orElseThrow(() -> ProblemException.forbidden(
                "mine=true lists your own tasks, but your login " + caller.name() + " is no person's in the "
                        + "directory (the reform office links it by giving a person that username).")) : null;
        return new LedgerFilter(status, timeliness, leadUnit, unit, group, area, origin, year, rigid, text, tag, scope,
                responsiblePerson, responsibleLeader, me);
    }
}
