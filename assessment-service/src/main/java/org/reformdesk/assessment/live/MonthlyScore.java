package org.reformdesk.assessment.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A unit's score for a month from the facts that count (exempted ones left out), tallied per indicator. The live
 * path and the rebuild both go through here, so they cannot disagree.
 */
public final class MonthlyScore {

    /** The counting facts of one indicator in one unit's month: their points, how many, and how many on time. */
    public record Tally(BigDecimal points, int facts, int onTime) {

        /** Reads a tally from a row of {@code sum(points), count(*), count(on time)} starting at {@code from}. */
        static Tally read(Object[] row, int from) {
            return new Tally((BigDecimal) row[from], ((Number) row[from + 1]).intValue(),
                    ((Number) row[from + 2]).intValue());
        }
    }

    private MonthlyScore() {
    }

    /**
     * The base, plus the points of every counting fact, less the on-time close rate's weight times the share of the
     * month's closes that were late.
     */
    public static BigDecimal of(ScoringRules rules, Map<Indicator, Tally> tallies) {
        BigDecimal score = rules.base();
        for (Map.Entry<Indicator, Tally> tally : tallies.entrySet()) {
            Tally t = tally.getValue();
            score = score.add(tally.getKey() == Indicator.ON_TIME_CLOSE_RATE
                    ? lateShare(t).multiply(rules.onTimeCloseWeight()).negate()
                    : t.points());
        }
        return ScoringRules.scale(score);
    }

    private static BigDecimal lateShare(Tally closes) {
        return closes.facts() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(closes.facts() - closes.onTime())
                        .divide(BigDecimal.valueOf(closes.facts()), 6, RoundingMode.HALF_UP);
    }
}
