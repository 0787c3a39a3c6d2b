package org.reformdesk.task.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's counts for dashboards (作战图). {@code total} counts distinct tasks; {@code byArea} counts a task
 * once in each of its areas and {@code byYear} once in each year its deadline or a milestone falls due, as the
 * seeds' own figures do, so those two may add up to more than the total. {@code asOf} is when they were counted:
 * a summary is reused for a few seconds ({@code reform.ledger.counts-max-age}) unless the ledger changes.
 */
record LedgerSummary(long total, Map<String, Long> byStatus, Map<String, Long> byTimeliness,
        Map<String, Long> byArea, Map<String, Long> byYear, List<UnitCount> byLeadUnit, Instant asOf) {

    /** One lead unit's tasks: all, overdue now, and closed. */
    public record UnitCount(UUID unitId, String code, String name, long total, long overdue, long closed) {
    }
}
