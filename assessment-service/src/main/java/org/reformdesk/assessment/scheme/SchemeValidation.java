package org.reformdesk.assessment.scheme;

import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.Rung;
import org.reformdesk.platform.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Checks a scheme before it is stored: every category weighed to exactly 100, every indicator usable. */
final class SchemeValidation {

    static final BigDecimal FULL_MARKS = new BigDecimal("100");

    private SchemeValidation() {
    }

    /** Every problem with the definition, as field errors; empty if it can be used. */
    public static List<Problem.FieldError> errors(SchemeDefinition scheme) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (scheme.categories() == null || scheme.categories().isEmpty()) {
            errors.add(new Problem.FieldError("categories", "must weigh the indicators of every category"));
        } else {
            for (AssessmentCategory category : AssessmentCategory.values()) {
                List<SchemeDefinition.Weighted> indicators = scheme.categories().get(category);
                if (indicators == null || indicators.isEmpty()) {
                    errors.add(new Problem.FieldError("categories." + category, "must list the category's indicators"));
                } else {
                    checkCategory("categories." + category, indicators, errors);
                }
            }
        }
        checkYearEnd(scheme.yearEnd(), errors);
        return errors;
    }

    private static void checkCategory(String field, List<SchemeDefinition.Weighted> indicators,
            List<Problem.FieldError> errors) {
        BigDecimal total = BigDecimal.ZERO;
        Set<Indicator> seen = EnumSet.noneOf(Indicator.class);
        for (int i = 0; i < indicators.size(); i++) {
            SchemeDefinition.Weighted weighted = indicators.get(i);
            String at = field + "[" + i + "]";
            if (weighted == null || weighted.indicator() == null) {
                errors.add(new Problem.FieldError(at + ".indicator", "must be a known indicator kind"));
                continue;
            }
            if (!seen.add(weighted.indicator())) {
                errors.add(new Problem.FieldError(at + ".indicator", weighted.indicator() + " is listed twice"));
            }
            if (weighted.weight() == null || weighted.weight().signum() <= 0) {
                errors.add(new Problem.FieldError(at + ".weight", "must be more than 0"));
            } else {
                total = total.add(weighted.weight());
            }
            checkPoints(at, weighted, errors);
        }
        if (total.compareTo(FULL_MARKS) != 0) {
            errors.add(new Problem.FieldError(field, "weights must add up to 100, not " + total.stripTrailingZeros()
                    .toPlainString()));
        }
    }

    private static void checkPoints(String at, SchemeDefinition.Weighted weighted, List<Problem.FieldError> errors) {
        Indicator indicator = weighted.indicator();
        boolean perRung = indicator == Indicator.SUPERVISION_ORDERS;
        boolean perFact = !indicator.isManual() && !perRung && indicator != Indicator.ON_TIME_CLOSE_RATE;
        if (perRung) {
            List<BigDecimal> rungs = weighted.rungPoints();
            if (rungs == null || rungs.size() != Rung.values().length || rungs.stream().anyMatch(p -> p == null
                    || p.signum() > 0)) {
                errors.add(new Problem.FieldError(at + ".rungPoints", "must give what an order of each of the "
                        + Rung.values().length + " rungs costs, lowest first, each 0 or less"));
            }
        } else if (weighted.rungPoints() != null) {
            errors.add(new Problem.FieldError(at + ".rungPoints", "only supervision orders are valued by rung"));
        }
        if (perFact) {
            if (weighted.points() == null || weighted.points().signum() > 0) {
                errors.add(new Problem.FieldError(at + ".points", "must give what each fact costs, 0 or less"));
            }
        } else if (weighted.points() != null) {
            errors.add(new Problem.FieldError(at + ".points", indicator + " is not valued per fact"));
        }
    }

    private static void checkYearEnd(SchemeDefinition.YearEnd yearEnd, List<Problem.FieldError> errors) {
        if (yearEnd == null) {
            errors.add(new Problem.FieldError("yearEnd", "must say how the year-end composite is made"));
            return;
        }
        if (!percent(yearEnd.monthlyShare())) {
            errors.add(new Problem.FieldError("yearEnd.monthlyShare", "must be between 0 and 100"));
        }
        if (!percent(yearEnd.excellentFrom()) || !percent(yearEnd.completedFrom())
                || yearEnd.excellentFrom().compareTo(yearEnd.completedFrom()) < 0) {
            errors.add(new Problem.FieldError("yearEnd.excellentFrom",
                    "excellentFrom and completedFrom must be between 0 and 100, excellentFrom the higher"));
        }
        if (yearEnd.excellentQuota() != null && (!percent(yearEnd.excellentQuota())
                || yearEnd.excellentQuota().signum() == 0)) {
            errors.add(new Problem.FieldError("yearEnd.excellentQuota", "must be more than 0 and at most 100"));
        }
    }

    private static boolean percent(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(FULL_MARKS) <= 0;
    }
}
