package org.reformdesk.assessment.scheme;

import org.reformdesk.assessment.scheme.SchemeDefinition;
import org.reformdesk.events.Rung;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * One category's indicators as a scheme weighs them: what each fact is worth and what each indicator can give.
 * Plain arithmetic on two-decimal scores.
 */
public final class ScoringRules {

    /** A month with nothing against it is worth full marks. */
    public static final BigDecimal FULL_MARKS = new BigDecimal("100.00");

    private final List<SchemeDefinition.Weighted> indicators;

    public ScoringRules(List<SchemeDefinition.Weighted> indicators) {
        this.indicators = List.copyOf(indicators);
    }

    public List<SchemeDefinition.Weighted> indicators() {
        return indicators;
    }

    public Optional<SchemeDefinition.Weighted> indicator(Indicator indicator) {
        return indicators.stream().filter(w -> w.indicator() == indicator).findFirst();
    }

    /**
     * The points a fact is worth under its indicator; nothing if the category does not weigh the indicator. A close
     * is worth nothing by itself: the on-time close rate is a share of the month's closes (live scoring's
     * {@code MonthlyScore}).
     */
    public BigDecimal points(Indicator indicator, String detail) {
        return indicator(indicator).map(w -> {
            if (indicator == Indicator.SUPERVISION_ORDERS) {
                return w.rungPoints().get(Rung.valueOf(detail).ordinal());
            }
            return w.points() == null ? BigDecimal.ZERO : w.points();
        }).map(ScoringRules::scale).orElse(scale(BigDecimal.ZERO));
    }

    /** Scores are kept to two decimals, rounded half up. */
    public static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
