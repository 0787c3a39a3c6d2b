package org.reformdesk.assessment.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.assessment.directory.Placements;
import org.reformdesk.assessment.scheme.ScoringRules;
import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads rankings: a closed month's frozen snapshot, or a live month as it stands now. */
@ApplicationScoped
public class Standings {

    /** A unit's place in a ranking; {@code diagnosis} is set only in a closed month. */
    public record Place(int rank, UUID unitId, String code, String name, BigDecimal score, Boolean diagnosis) {
    }

    /** A category's ranking for a month. */
    public record Table(AssessmentCategory category, String month, boolean frozen, List<Place> places) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    LiveScores scores;

    @Inject
    Placements placements;

    public boolean isClosed(AssessmentCategory category, String month) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM month_close WHERE month = :month AND category = :category")
                .setParameter("month", month).setParameter("category", category.name())
                .getSingleResult()).longValue() > 0;
    }

    /**
     * A closed month's frozen rank of each unit of the category, the fixed point a later month's change of rank is
     * measured from; none for a month not closed (a live ranking still moves).
     */
    public Map<UUID, Integer> frozenRanks(AssessmentCategory category, String month) {
        if (!isClosed(category, month)) {
            return Map.of();
        }
        return ranking(category, month).places().stream().collect(Collectors.toMap(Place::unitId, Place::rank));
    }

    /**
     * Every unit of the category: a closed month as frozen, a live month at each unit's score (base if untouched),
     * with the units placed in the category at the month's end.
     */
    public Table ranking(AssessmentCategory category, String month) {
        if (isClosed(category, month)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT r.rank, r.unit_id, u.code, u.name, r.score, r.diagnosis
                            FROM month_ranking r JOIN assessed_unit u ON u.id = r.unit_id
                            WHERE r.month = :month AND r.category = :category ORDER BY r.rank, u.code""")
                    .setParameter("month", month).setParameter("category", category.name()).getResultList();
            return new Table(category, month, true, rows.stream().map(r -> new Place(((Number) r[0]).intValue(),
                    (UUID) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4], (Boolean) r[5])).toList());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT u.id, u.code, u.name, coalesce(s.score, :base)
                        FROM %s p JOIN assessed_unit u ON u.id = p.unit_id
                        LEFT JOIN unit_standing s ON s.unit_id = u.id AND s.month = :month
                        WHERE p.category = :category""".formatted(Placements.IN_FORCE))
                .setParameter("month", month).setParameter("category", category.name())
                .setParameter("monthEnd", placements.monthEnd(month))
                .setParameter("base", ScoringRules.FULL_MARKS).getResultList();
        Map<UUID, Integer> ranks = Ranking.rank(rows.stream()
                .map(r -> new Ranking.Scored((UUID) r[0], (BigDecimal) r[3])).toList());
        List<Place> places = rows.stream()
                .map(r -> new Place(ranks.get((UUID) r[0]), (UUID) r[0], (String) r[1], (String) r[2],
                        (BigDecimal) r[3], null))
                .sorted(Comparator.comparingInt(Place::rank).thenComparing(Place::code))
                .toList();
        return new Table(category, month, false, places);
    }
}
