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
            new BigDecimal("-1"));

    @Test
    void anOverdueTaskCostsItsLeadUnitPointsUnderOverdueTasks() {
        assertThat(rules.taskOverdue()).isEqualTo(new ScoringRules.Points(Indicator.OVERDUE_TASKS, new BigDecimal("-2.00")));
    }

    @Test
    void higherRungsCostMore() {
        assertThat(rules.orderReceived(Rung.REMINDER_NOTICE).value()).isEqualByComparingTo("-0.5");
        assertThat(rules.orderReceived(Rung.RECTIFICATION_ORDER).value()).isEqualByComparingTo("-4");
        assertThat(rules.orderReceived(Rung.URGING_NOTICE).indicator()).isEqualTo(Indicator.SUPERVISION_ORDERS);
    }

    @Test
    void aLatePilotSummaryCostsTheLeadUnitUnderItsOwnIndicator() {
        assertThat(rules.pilotSummaryLate())
                .isEqualTo(new ScoringRules.Points(Indicator.LATE_PILOT_SUMMARIES, new BigDecimal("-1.00")));
    }

    @Test
    void pointsAreNeededForEveryRung() {
        assertThatThrownBy(() -> new ScoringRules(BigDecimal.TEN, BigDecimal.ONE, List.of(BigDecimal.ONE),
                BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
