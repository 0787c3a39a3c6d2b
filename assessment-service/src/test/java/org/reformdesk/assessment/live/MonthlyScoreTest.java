package org.reformdesk.assessment.live;

import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.Schemes;
import org.reformdesk.assessment.scheme.ScoringRules;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyScoreTest {

    private final ScoringRules rules = new ScoringRules(Schemes.indicators("-2"));

    @Test
    void aMonthWithoutFactsOrManualScoresIsWorthFullMarks() {
        assertThat(MonthlyScore.of(rules, Map.of(), Map.of())).isEqualByComparingTo("100");
    }

    @Test
    void deductionsAddUpAndOneLateCloseInThreeCostsAThirdOfTheRatesWeight() {
        BigDecimal score = MonthlyScore.of(rules, Map.of(
                Indicator.OVERDUE_TASKS, new MonthlyScore.Tally(new BigDecimal("-4"), 2, 0),
                Indicator.ON_TIME_CLOSE_RATE, new MonthlyScore.Tally(BigDecimal.ZERO, 3, 2)), Map.of());

        // 100 - 4 - 20/3
        assertThat(score).isEqualByComparingTo("89.33");
    }

    @Test
    void anIndicatorNeverGivesLessThanNothing() {
        MonthlyScore.Breakdown breakdown = MonthlyScore.explain(rules, Map.of(
                Indicator.LATE_REPORTS, new MonthlyScore.Tally(new BigDecimal("-14"), 14, 0)), Map.of());

        assertThat(breakdown.score()).isEqualByComparingTo("90");
        assertThat(breakdown.parts()).filteredOn(p -> p.indicator() == Indicator.LATE_REPORTS).singleElement()
                .satisfies(part -> assertThat(part.score()).isEqualByComparingTo("0"));
    }

    @Test
    void aManualScoreGivesItsShareOfTheWeight() {
        BigDecimal score = MonthlyScore.of(rules, Map.of(), Map.of(Indicator.ASSESSOR_SCORE, new BigDecimal("75")));

        assertThat(score).isEqualByComparingTo("95");
    }
}
