package org.reformdesk.assessment.live;

import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.SchemeDefinition;
import org.reformdesk.assessment.scheme.ScoringRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A unit's score for a month, indicator by indicator as its category's scheme weighs them, from the facts that count
 * (exempted ones left out) and the month's manual scores. The live path and the rebuild both go through here, so
 * they cannot disagree.
 * <ul>
 * <li>a deduction indicator gives its weight less the points of its facts, never less than nothing;</li>
 * <li>the on-time close rate gives its weight times the share of the month's closes made by the deadline (all of
 * it in a month without closes);</li>
 * <li>a manual indicator gives its weight times the assessor's score out of 100 — all of it until one is entered,
 * so that nobody loses points for a score not yet given.</li>
 * </ul>
 */
final class MonthlyScore {

    /** The counting facts of one indicator in one unit's month: their points, how many, and how many on time. */
    public record Tally(BigDecimal points, int facts, int onTime) {

        /** Reads a tally from a row of {@code sum(points), count(*), count(on time)} starting at {@code from}. */
        static Tally read(Object[] row, int from) {
            return new Tally((BigDecimal) row[from], ((Number) row[from + 1]).intValue(),
                    ((Number) row[from + 2]).intValue());
        }
    }

    /** What one indicator gave, out of its weight, and from how many facts (or the manual score). */
    public record Part(Indicator indicator, String label, BigDecimal weight, BigDecimal score, int facts,
            BigDecimal manualScore) {
    }

    /** The month's score and how each indicator made it. */
    public record Breakdown(BigDecimal score, List<Part> parts) {
    }

    private MonthlyScore() {
    }

    public static BigDecimal of(ScoringRules rules, Map<Indicator, Tally> tallies, Map<Indicator, BigDecimal> manual) {
        return explain(rules, tallies, manual).score();
    }

    public static Breakdown explain(ScoringRules rules, Map<Indicator, Tally> tallies,
            Map<Indicator, BigDecimal> manual) {
        List<Part> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (SchemeDefinition.Weighted weighted : rules.indicators()) {
            Indicator indicator = weighted.indicator();
            BigDecimal weight = weighted.weight();
            Tally tally = tallies.getOrDefault(indicator, new Tally(BigDecimal.ZERO, 0, 0));
            BigDecimal manualScore = manual.get(indicator);
            BigDecimal score;
            if (indicator.isManual()) {
                score = manualScore == null ? weight
                        : weight.multiply(manualScore).divide(ScoringRules.FULL_MARKS, 6, RoundingMode.HALF_UP);
            } else if (indicator == Indicator.ON_TIME_CLOSE_RATE) {
                score = tally.facts() == 0 ? weight : weight.multiply(BigDecimal.valueOf(tally.onTime()))
                        .divide(BigDecimal.valueOf(tally.facts()), 6, RoundingMode.HALF_UP);
            } else {
                score = weight.add(tally.points()).max(BigDecimal.ZERO);
            }
            score = ScoringRules.scale(score);
            total = total.add(score);
            parts.add(new Part(indicator, weighted.label(), weight, score, tally.facts(), manualScore));
        }
        return new Breakdown(ScoringRules.scale(total), parts);
    }
}
