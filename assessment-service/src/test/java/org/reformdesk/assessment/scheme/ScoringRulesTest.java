package org.reformdesk.assessment.scheme;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringRulesTest {

    private final ScoringRules rules = new ScoringRules(Schemes.indicators("-2"));

    @Test
    void anOverdueTaskCostsWhatTheSchemeSays() {
        assertThat(rules.points(Indicator.OVERDUE_TASKS, null)).isEqualTo(new BigDecimal("-2.00"));
    }

    @Test
    void higherRungsCostMore() {
        assertThat(rules.points(Indicator.SUPERVISION_ORDERS, "REMINDER_NOTICE")).isEqualByComparingTo("-0.5");
        assertThat(rules.points(Indicator.SUPERVISION_ORDERS, "RECTIFICATION_ORDER")).isEqualByComparingTo("-4");
    }

    @Test
    void aFactUnderAnIndicatorTheCategoryDoesNotWeighCostsNothing() {
        assertThat(rules.points(Indicator.ACCOUNTABILITY, "约谈")).isEqualByComparingTo("0");
    }

    @Test
    void aCloseIsWorthNothingByItself() {
        assertThat(rules.points(Indicator.ON_TIME_CLOSE_RATE, "LATE")).isEqualByComparingTo("0");
    }
}
