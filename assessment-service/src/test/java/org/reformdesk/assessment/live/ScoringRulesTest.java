package org.reformdesk.assessment.live;

import org.junit.jupiter.api.Test;
import org.reformdesk.events.Rung;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringRulesTest {

    private final ScoringRules rules = new ScoringRules(new BigDecimal("100"), new BigDecimal("-2"),
            List.of(new BigDecimal("-0.5"), new BigDecimal("-1"), new BigDecimal("-2"), new BigDecimal("-4")),
            new BigDecimal("-1"), new BigDecimal("-2"), new BigDecimal("-5"), new BigDecimal("-1"),
            new BigDecimal("10"));

    @Test
    void anOverdueTaskCostsItsLeadUnitPoints() {
        assertThat(rules.points(Indicator.OVERDUE_TASKS, null)).isEqualTo(new BigDecimal("-2.00"));
    }

    @Test
    void higherRungsCostMore() {
        assertThat(rules.points(Indicator.SUPERVISION_ORDERS, "REMINDER_NOTICE")).isEqualByComparingTo("-0.5");
        assertThat(rules.points(Indicator.SUPERVISION_ORDERS, "RECTIFICATION_ORDER")).isEqualByComparingTo("-4");
    }

    @Test
    void aLatePilotSummaryCostsTheLeadUnitAPoint() {
        assertThat(rules.points(Indicator.LATE_PILOT_SUMMARIES, null)).isEqualTo(new BigDecimal("-1.00"));
    }

    @Test
    void pointsAreNeededForEveryRung() {
        assertThatThrownBy(() -> new ScoringRules(BigDecimal.TEN, BigDecimal.ONE, List.of(BigDecimal.ONE),
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
