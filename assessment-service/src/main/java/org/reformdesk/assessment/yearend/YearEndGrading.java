package org.reformdesk.assessment.yearend;

import org.reformdesk.assessment.live.Ranking;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.SchemeDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The year-end composite of one category (Zibo: monthly scores count 50%): the average of each unit's monthly
 * scores and its year-end assessment — the manual indicators of the year, weighed as the scheme weighs them, a
 * missing one counting 0 — combined by the scheme's monthly share, ranked and graded by the scheme's thresholds, with
 * the optional cap on the share of EXCELLENT applied best first.
 */
final class YearEndGrading {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** What a unit brings to the year end: its monthly scores and its manual scores of the year. */
    public record UnitYear(UUID unitId, List<BigDecimal> monthlyScores, Map<Indicator, BigDecimal> manualScores) {
    }

    /** A unit's composite, rank and grade, with what made them. */
    public record Result(UUID unitId, BigDecimal monthlyAverage, int months, BigDecimal assessment,
            BigDecimal composite, int rank, Grade grade, List<Indicator> missing) {
    }

    private YearEndGrading() {
    }

    public static List<Result> grade(List<SchemeDefinition.Weighted> indicators, SchemeDefinition.YearEnd yearEnd,
            List<UnitYear> units) {
        List<SchemeDefinition.Weighted> manual = indicators.stream().filter(w -> w.indicator().isManual()).toList();
        BigDecimal manualWeight = manual.stream().map(SchemeDefinition.Weighted::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal monthlyShare = yearEnd.monthlyShare().divide(HUNDRED, 6, RoundingMode.HALF_UP);
        List<Result> unranked = new ArrayList<>();
        for (UnitYear unit : units) {
            BigDecimal average = unit.monthlyScores().isEmpty() ? HUNDRED
                    : unit.monthlyScores().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(unit.monthlyScores().size()), 6, RoundingMode.HALF_UP);
            List<Indicator> missing = new ArrayList<>();
            BigDecimal assessment;
            if (manual.isEmpty()) {
                assessment = average;
            } else {
                BigDecimal weighted = BigDecimal.ZERO;
                for (SchemeDefinition.Weighted w : manual) {
                    BigDecimal score = unit.manualScores().get(w.indicator());
                    if (score == null) {
                        missing.add(w.indicator());
                    } else {
                        weighted = weighted.add(w.weight().multiply(score));
                    }
                }
                assessment = weighted.divide(manualWeight, 6, RoundingMode.HALF_UP);
            }
            BigDecimal composite = average.multiply(monthlyShare)
                    .add(assessment.multiply(BigDecimal.ONE.subtract(monthlyShare)));
            unranked.add(new Result(unit.unitId(), scale(average), unit.monthlyScores().size(), scale(assessment),
                    scale(composite), 0, null, List.copyOf(missing)));
        }
        Map<UUID, Integer> ranks = Ranking.rank(unranked.stream()
                .map(r -> new Ranking.Scored(r.unitId(), r.composite())).toList());
        // at most quota% of the category's units are EXCELLENT; a tie at the cut is not split, it falls together
        int excellentPlaces = yearEnd.excellentQuota() == null ? units.size()
                : yearEnd.excellentQuota().multiply(BigDecimal.valueOf(units.size()))
                        .divide(HUNDRED, 0, RoundingMode.DOWN).intValue();
        return unranked.stream().map(r -> {
            int rank = ranks.get(r.unitId());
            long placesTaken = ranks.values().stream().filter(other -> other <= rank).count();
            Grade grade = r.composite().compareTo(yearEnd.excellentFrom()) >= 0 && placesTaken <= excellentPlaces
                    ? Grade.EXCELLENT
                    : r.composite().compareTo(yearEnd.completedFrom()) >= 0 ? Grade.COMPLETED : Grade.NOT_COMPLETED;
            return new Result(r.unitId(), r.monthlyAverage(), r.months(), r.assessment(), r.composite(), rank, grade,
                    r.missing());
        }).sorted(java.util.Comparator.comparingInt(Result::rank)).toList();
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
