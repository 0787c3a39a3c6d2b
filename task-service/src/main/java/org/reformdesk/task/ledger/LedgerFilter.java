package org.reformdesk.task.ledger;

import java.util.UUID;

/**
 * What a ledger query filters on; null fields do not filter. {@code unit} matches a task the unit leads,
 * co-leads or takes part in, {@code scope} the same for the unit a unit officer is confined to.
 */
public record LedgerFilter(TaskStatus status, Timeliness timeliness, UUID leadUnit, UUID unit, UUID group,
        String area, TaskOrigin origin, Integer year, Boolean rigid, String text, String tag, UUID scope) {

    public static LedgerFilter leadUnit(UUID leadUnit) {
        return new LedgerFilter(null, null, leadUnit, null, null, null, null, null, null, null, null, null);
    }
}
