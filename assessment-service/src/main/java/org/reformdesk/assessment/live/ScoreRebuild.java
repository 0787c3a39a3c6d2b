package org.reformdesk.assessment.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes every monthly score from the stored facts (the score entries), after a correction of the scoring
 * rules or an exemption say, and re-ranks every category of every month. It scores each month through
 * {@link MonthlyScore} as the live path does; frozen months stay as published.
 */
@ApplicationScoped
public class ScoreRebuild {

    /** What a rebuild did: standings recomputed, and how many of them had a different score before. */
    public record Result(int standings, int changed) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    LiveScores scores;

    public Result rebuild() {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            Map<String, Map<Indicator, MonthlyScore.Tally>> tallies = tallies();
            @SuppressWarnings("unchecked")
            List<Object[]> standings = entityManager.createNativeQuery(
                    "SELECT unit_id, month, score FROM unit_standing").getResultList();
            ScoringRules rules = scores.rules();
            int changed = 0;
            for (Object[] standing : standings) {
                UUID unit = (UUID) standing[0];
                String month = (String) standing[1];
                BigDecimal score = MonthlyScore.of(rules, tallies.getOrDefault(unit + "/" + month, Map.of()));
                if (score.compareTo((BigDecimal) standing[2]) != 0) {
                    changed++;
                    entityManager.createNativeQuery(
                                    "UPDATE unit_standing SET score = :score WHERE unit_id = :unit AND month = :month")
                            .setParameter("score", score).setParameter("unit", unit).setParameter("month", month)
                            .executeUpdate();
                }
            }
            @SuppressWarnings("unchecked")
            List<String> months = entityManager.createNativeQuery("SELECT DISTINCT month FROM unit_standing")
                    .getResultList();
            int ranked = 0;
            for (String month : months) {
                for (AssessmentCategory category : AssessmentCategory.values()) {
                    ranked += scores.rerank(category, month).size();
                }
                entityManager.flush();
                entityManager.clear();
            }
            return new Result(ranked, changed);
        });
    }

    /** Every unit's month, tallied per indicator from the counting facts, in one pass over the entries. */
    private Map<String, Map<Indicator, MonthlyScore.Tally>> tallies() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT unit_id, month, indicator, sum(points), count(*),
                            count(*) FILTER (WHERE detail = 'ON_TIME')
                        FROM score_entry WHERE exempted_by IS NULL GROUP BY unit_id, month, indicator""")
                .getResultList();
        Map<String, Map<Indicator, MonthlyScore.Tally>> tallies = new HashMap<>();
        for (Object[] row : rows) {
            tallies.computeIfAbsent(row[0] + "/" + row[1], key -> new EnumMap<>(Indicator.class))
                    .put(Indicator.valueOf((String) row[2]), MonthlyScore.Tally.read(row, 3));
        }
        return tallies;
    }
}
