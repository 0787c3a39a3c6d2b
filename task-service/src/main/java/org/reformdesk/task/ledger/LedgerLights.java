package org.reformdesk.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traffic lights (红黄绿灯) of the ledger crossed with policy area, the lead unit's assessment category and the
 * special group, for the battle map (作战图): one statement instead of a summary per area, category and group. A
 * task counts once in each of its areas; categories and groups count each task once.
 */
@ApplicationScoped
class LedgerLights {

    /** One row of a cross-tab: the key (area, category or group id) and its tasks by timeliness. */
    public record Row(String key, String name, long overdue, long dueSoon, long onTrack) {
    }

    public record Lights(List<Row> byArea, List<Row> byCategory, List<Row> byGroup, long overdueThisMonth,
            LocalDate today, Instant asOf) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceClock clock;

    @Inject
    TaskLedger ledger;

    /**
     * The lights within {@code filter}, reused for a few seconds as the ledger's summary is
     * ({@code reform.ledger.counts-max-age}): every battle map asks for them, and each count reads the whole ledger.
     * {@code asOf} says when they were counted.
     */
    @Transactional
    public Lights of(LedgerFilter filter) {
        LocalDate today = clock.today();
        LedgerQuery query = new LedgerQuery(filter, today, ledger.dueSoonDays());
        String light = query.timelinessCase(today, ledger.dueSoonDays());
        query.params.put("monthStart", today.withDayOfMonth(1));
        return ledger.recently(List.of("lights", query.where, Map.copyOf(query.params)), () -> count(query, light, today));
    }

    @SuppressWarnings("unchecked")
    private Lights count(LedgerQuery query, String light, LocalDate today) {
        List<Object[]> rows = query.create(entityManager, """
                SELECT x.kind, x.key, max(x.name), count(DISTINCT x.id) FILTER (WHERE x.light = 'OVERDUE'),
                       count(DISTINCT x.id) FILTER (WHERE x.light = 'DUE_SOON'),
                       count(DISTINCT x.id) FILTER (WHERE x.light = 'ON_TRACK')
                FROM (SELECT t.id, %1$s AS light, 'area' AS kind, a.area AS key, NULL AS name
                        FROM task t CROSS JOIN unnest(t.policy_areas) AS a(area) WHERE %2$s
                      UNION ALL
                      SELECT t.id, %1$s, 'category', u.category, NULL
                        FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE %2$s
                      UNION ALL
                      SELECT t.id, %1$s, 'group', CAST(g.id AS text), g.name
                        FROM task t JOIN special_group g ON g.id = t.group_id WHERE %2$s
                      UNION ALL
                      SELECT t.id, %1$s, 'month', NULL, NULL
                        FROM task t WHERE %2$s AND t.deadline >= :monthStart) x
                GROUP BY x.kind, x.key ORDER BY x.kind, x.key""".formatted(light, query.where)).getResultList();
        Map<String, List<Row>> byKind = new LinkedHashMap<>();
        long overdueThisMonth = 0;
        for (Object[] row : rows) {
            String kind = (String) row[0];
            if ("month".equals(kind)) {
                overdueThisMonth = ((Number) row[3]).longValue();
                continue;
            }
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Row((String) row[1], (String) row[2],
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue()));
        }
        return new Lights(byKind.getOrDefault("area", List.of()), byKind.getOrDefault("category", List.of()),
                byKind.getOrDefault("group", List.of()), overdueThisMonth, today, clock.instant());
    }
}
