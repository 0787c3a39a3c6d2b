package org.reformdesk.assessment.live;

import org.reformdesk.events.Rung;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What each scored fact is worth. Plain arithmetic on two-decimal scores. */
public final class ScoringRules {

    private final BigDecimal base;
    private final BigDecimal overdueTask;
    private final List<BigDecimal> orderByRung;
    private final BigDecimal latePilotSummary;
    private final BigDecimal lateRectification;
    private final BigDecimal accountability;
    private final BigDecimal lateReport;
    private final BigDecimal onTimeCloseWeight;

    public ScoringRules(BigDecimal base, BigDecimal overdueTask, List<BigDecimal> orderByRung,
            BigDecimal latePilotSummary, BigDecimal lateRectification, BigDecimal accountability,
            BigDecimal lateReport, BigDecimal onTimeCloseWeight) {
        if (orderByRung.size() != Rung.values().length) {
            throw new IllegalArgumentException("Order points are needed for each of the " + Rung.values().length
                    + " rungs, got " + orderByRung);
        }
        this.base = scale(base);
        this.overdueTask = scale(overdueTask);
        this.orderByRung = orderByRung.stream().map(ScoringRules::scale).toList();
        this.latePilotSummary = scale(latePilotSummary);
        this.lateRectification = scale(lateRectification);
        this.accountability = scale(accountability);
        this.lateReport = scale(lateReport);
        this.onTimeCloseWeight = scale(onTimeCloseWeight);
    }

    public static ScoringRules of(ScoringConfig config) {
        return new ScoringRules(config.base(), config.overdueTask(), config.orderByRung(), config.latePilotSummary(),
                config.lateRectification(), config.accountability(), config.lateReport(), config.onTimeCloseWeight());
    }

    public BigDecimal base() {
        return base;
    }

    /** What the on-time close rate is worth when every close of the month was on time. */
    public BigDecimal onTimeCloseWeight() {
        return onTimeCloseWeight;
    }

    /**
     * The points a fact is worth under its indicator. A close is worth nothing by itself: the on-time close rate
     * is a share of the month's closes, see {@link MonthlyScore}.
     */
    public BigDecimal points(Indicator indicator, String detail) {
        return switch (indicator) {
            case OVERDUE_TASKS -> overdueTask;
            case SUPERVISION_ORDERS -> orderByRung.get(Rung.valueOf(detail).ordinal());
            case LATE_PILOT_SUMMARIES -> latePilotSummary;
            case LATE_RECTIFICATIONS -> lateRectification;
            case ACCOUNTABILITY -> accountability;
            case LATE_REPORTS -> lateReport;
            case ON_TIME_CLOSE_RATE -> BigDecimal.ZERO.setScale(2);
            default -> throw new IllegalArgumentException(indicator + " is not scored by a fact");
        };
    }

    static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
