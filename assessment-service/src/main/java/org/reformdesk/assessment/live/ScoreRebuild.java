package org.reformdesk.assessment.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.Rescoring;
import org.reformdesk.assessment.scheme.SchemeBook;
import org.reformdesk.assessment.scheme.ScoringRules;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.Rung;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes every monthly score from the stored facts, after a scheme is published or corrected: each fact is
 * valued again by the scheme in force for its year and its unit's category that month, each month is scored through
 * {@link MonthlyScore} as the live path does, and every category of every month is re-ranked. Frozen months stay
 * as published.
 */
@ApplicationScoped
class ScoreRebuild implements Rescoring {

    @Inject
    EntityManager entityManager;

    @Inject
    LiveScores scores;

    @Inject
    SchemeBook schemes;

    @Override
    public Result rebuild() {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            revalue();
            Map<String, Map<Indicator, MonthlyScore.Tally>> tallies = tallies();
            Map<String, Map<Indicator, BigDecimal>> manual = manualScores();
            @SuppressWarnings("unchecked")
            List<Object[]> standings = entityManager.createNativeQuery(
                    "SELECT unit_id, month, category, score FROM unit_standing").getResultList();
            int changed = 0;
            for (Object[] standing : standings) {
                UUID unit = (UUID) standing[0];
                String month = (String) standing[1];
                AssessmentCategory category = standing[2] == null ? null
                        : AssessmentCategory.valueOf((String) standing[2]);
                String key = unit + "/" + month;
                BigDecimal score = MonthlyScore.of(schemes.rules(YearMonth.parse(month).getYear(), category),
                        tallies.getOrDefault(key, Map.of()), manual.getOrDefault(key, Map.of()));
                if (score.compareTo((BigDecimal) standing[3]) != 0) {
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

    /**
     * Values every stored fact again by the scheme in force for its year and the category its unit ranked in that
     * month.
     */
    private void revalue() {
        @SuppressWarnings("unchecked")
        List<String> years = entityManager.createNativeQuery(
                "SELECT DISTINCT substr(month, 1, 4) FROM score_entry").getResultList();
        for (String year : years) {
            SchemeBook.InForce scheme = schemes.inForce(Integer.parseInt(year));
            for (AssessmentCategory category : AssessmentCategory.values()) {
                ScoringRules rules = scheme.rules(category);
                for (Indicator indicator : Indicator.values()) {
                    if (indicator.isManual()) {
                        continue;
                    }
                    if (indicator == Indicator.SUPERVISION_ORDERS) {
                        for (Rung rung : Rung.values()) {
                            revalue(year, category, indicator, rung.name(), rules.points(indicator, rung.name()));
                        }
                    } else {
                        revalue(year, category, indicator, null, rules.points(indicator, null));
                    }
                }
            }
        }
    }

    private void revalue(String year, AssessmentCategory category, Indicator indicator, String detail,
            BigDecimal points) {
        entityManager.createNativeQuery("""
                        UPDATE score_entry e SET points = :points FROM unit_standing s
                        WHERE s.unit_id = e.unit_id AND s.month = e.month AND s.category = :category
                            AND e.indicator = :indicator
                            AND e.month LIKE :year AND (:detail = '' OR e.detail = :detail) AND e.points <> :points""")
                .setParameter("points", points).setParameter("category", category.name())
                .setParameter("indicator", indicator.name()).setParameter("year", year + "-%")
                .setParameter("detail", detail == null ? "" : detail).executeUpdate();
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

    /** Every unit's monthly manual scores. */
    private Map<String, Map<Indicator, BigDecimal>> manualScores() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT unit_id, period, kind, score FROM manual_score WHERE length(period) = 7").getResultList();
        Map<String, Map<Indicator, BigDecimal>> manual = new HashMap<>();
        for (Object[] row : rows) {
            manual.computeIfAbsent(row[0] + "/" + row[1], key -> new EnumMap<>(Indicator.class))
                    .put(Indicator.valueOf((String) row[2]), (BigDecimal) row[3]);
        }
        return manual;
    }
}
