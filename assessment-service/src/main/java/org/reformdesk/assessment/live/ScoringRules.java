package org.reformdesk.assessment.live;

import org.reformdesk.events.Rung;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What each scored fact is worth. Plain arithmetic on two-decimal scores. */
public final class ScoringRules {

    /** Points and the indicator they count under. */
    public record Points(Indicator indicator, BigDecimal value) {
    }

    private final BigDecimal base;
    private final BigDecimal overdueTask;
    private final List<BigDecimal> orderByRung;
    private final BigDecimal latePilotSummary;

    public ScoringRules(BigDecimal base, BigDecimal overdueTask, List<BigDecimal> orderByRung,
            BigDecimal latePilotSummary) {
        if (orderByRung.size() != Rung.values().length) {
            throw new IllegalArgumentException("Order points are needed for each of the " + Rung.values().length
                    + " rungs, got " + orderByRung);
        }
        this.base = scale(base);
        this.overdueTask = scale(overdueTask);
        this.orderByRung = orderByRung.stream().map(ScoringRules::scale).toList();
        this.latePilotSummary = scale(latePilotSummary);
    }

    public static ScoringRules of(ScoringConfig config) {
        return new ScoringRules(config.base(), config.overdueTask(), config.orderByRung(), config.latePilotSummary());
    }

    public BigDecimal base() {
        return base;
    }

    public Points taskOverdue() {
        return new Points(Indicator.OVERDUE_TASKS, overdueTask);
    }

    public Points orderReceived(Rung rung) {
        return new Points(Indicator.SUPERVISION_ORDERS, orderByRung.get(rung.ordinal()));
    }

    public Points pilotSummaryLate() {
        return new Points(Indicator.LATE_PILOT_SUMMARIES, latePilotSummary);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
