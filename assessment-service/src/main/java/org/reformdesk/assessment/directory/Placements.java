package org.reformdesk.assessment.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory's placements of units in categories as they were over time: a month is ranked with the placement in
 * force at its end, so a month closed late (the service down over the 1st, a clock moved ahead) ranks each unit
 * where it was that month, not where it is today. A unit's first placement holds for every month before it.
 */
@ApplicationScoped
public class Placements {

    /**
     * Each unit's placement in force at {@code :monthEnd} (the instant the month after begins), as rows
     * {@code (unit_id, category)}; category null for a unit ranked in none. For a query's FROM clause.
     */
    public static final String IN_FORCE = """
            (SELECT DISTINCT ON (unit_id) unit_id, category FROM unit_placement WHERE valid_from < :monthEnd
             ORDER BY unit_id, valid_from DESC)""";

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceClock clock;

    /** The instant a month's placements are read at: its end, the first moment of the month after. */
    public Instant monthEnd(String month) {
        return YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** The category the unit ranked in during the month (at its end); null if none, or unknown to the directory. */
    public AssessmentCategory categoryIn(UUID unitId, String month) {
        return categoriesIn(List.of(unitId), List.of(month)).get(0);
    }

    /**
     * The category each unit ranked in during its month ({@code months.get(i)} for {@code units.get(i)}), as
     * {@link #categoryIn} tells it, in one query: a consumer's batch values hundreds of facts at once.
     */
    public List<AssessmentCategory> categoriesIn(List<UUID> units, List<String> months) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("""
                        SELECT (SELECT coalesce(p.category, '') FROM unit_placement p
                                WHERE p.unit_id = k.unit AND p.valid_from < k.month_end
                                ORDER BY p.valid_from DESC LIMIT 1)
                        FROM unnest(CAST(:units AS uuid[]), CAST(:monthEnds AS timestamptz[]))
                            WITH ORDINALITY AS k(unit, month_end, n)
                        ORDER BY k.n""")
                .setParameter("units", units.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("monthEnds", months.stream().map(month -> monthEnd(month).toString())
                        .toArray(String[]::new))
                .getResultList();
        return rows.stream().map(category -> category == null || category.isEmpty() ? null
                : AssessmentCategory.valueOf(category)).toList();
    }

    /**
     * Records that the directory placed the unit in {@code category} at {@code from}; a unit's first placement holds
     * from the beginning (months before it was known rank it there too, as they did before placements were kept).
     *
     * @return the change for the rankings to follow; empty if the unit was in that category already
     */
    Optional<UnitPlaced> place(UUID unitId, AssessmentCategory category, Instant from) {
        boolean known = ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM unit_placement WHERE unit_id = :unit")
                .setParameter("unit", unitId).getSingleResult()).longValue() > 0;
        if (known) {
            @SuppressWarnings("unchecked")
            List<String> current = entityManager.createNativeQuery("""
                            SELECT coalesce(category, '') FROM unit_placement
                            WHERE unit_id = :unit AND valid_from <= :at ORDER BY valid_from DESC LIMIT 1""")
                    .setParameter("unit", unitId).setParameter("at", from).getResultList();
            String now = category == null ? "" : category.name();
            if (!current.isEmpty() && current.get(0).equals(now)) {
                return Optional.empty();
            }
        }
        // the first placement as '-infinity' in SQL: the value a JDBC timestamp cannot carry
        ((NativeQuery<?>) entityManager.createNativeQuery("""
                        INSERT INTO unit_placement (unit_id, valid_from, category)
                        VALUES (:unit, CASE WHEN :first THEN '-infinity' ELSE CAST(:from AS timestamptz) END, :category)
                        ON CONFLICT (unit_id, valid_from) DO UPDATE SET category = excluded.category"""))
                .setParameter("unit", unitId).setParameter("first", !known).setParameter("from", from)
                .setParameter("category", category == null ? null : category.name(), String.class)
                .executeUpdate();
        return Optional.of(new UnitPlaced(unitId, category, known ? from : null));
    }
}
