package org.reformdesk.assessment.live;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyScoreTest {

    private final ScoringRules rules = new ScoringRules(new BigDecimal("100"), new BigDecimal("-2"),
            List.of(new BigDecimal("-0.5"), new BigDecimal("-1"), new BigDecimal("-2"), new BigDecimal("-4")),
            new BigDecimal("-1"), new BigDecimal("-2"), new BigDecimal("-5"), new BigDecimal("-1"),
            new BigDecimal("10"));

    @Test
    void aMonthWithoutFactsIsWorthTheBase() {
        assertThat(MonthlyScore.of(rules, Map.of())).isEqualByComparingTo("100");
    }

    @Test
    void deductionsAddUpAndOneLateCloseInThreeCostsAThirdOfTheRatesWeight() {
        BigDecimal score = MonthlyScore.of(rules, Map.of(
                Indicator.OVERDUE_TASKS, new MonthlyScore.Tally(new BigDecimal("-4"), 2, 0),
                Indicator.ON_TIME_CLOSE_RATE, new MonthlyScore.Tally(BigDecimal.ZERO, 3, 2)));

        assertThat(score).isEqualByComparingTo("92.67");
    }
}
