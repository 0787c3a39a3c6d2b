package org.reformdesk.assessment.scheme;

import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Test schemes: every category weighed the same, with the overdue-task deduction the test wants. */
public final class Schemes {

    private Schemes() {
    }

    public static List<SchemeDefinition.Weighted> indicators(String overdueTask) {
        return List.of(
                weighted(Indicator.OVERDUE_TASKS, "改革任务完成", "30", new BigDecimal(overdueTask), null),
                weighted(Indicator.ON_TIME_CLOSE_RATE, "按时销号", "20", null, null),
                weighted(Indicator.SUPERVISION_ORDERS, "督察落实", "10", null, List.of(new BigDecimal("-0.5"),
                        BigDecimal.ONE.negate(), new BigDecimal("-2"), new BigDecimal("-4"))),
                weighted(Indicator.LATE_REPORTS, "月度汇报", "10", BigDecimal.ONE.negate(), null),
                weighted(Indicator.ASSESSOR_SCORE, "考核小组评分", "20", null, null),
                weighted(Indicator.DEMOCRATIC_EVALUATION, "民主评议", "10", null, null));
    }

    public static SchemeDefinition definition(String overdueTask) {
        Map<AssessmentCategory, List<SchemeDefinition.Weighted>> categories = new EnumMap<>(AssessmentCategory.class);
        for (AssessmentCategory category : AssessmentCategory.values()) {
            categories.put(category, new ArrayList<>(indicators(overdueTask)));
        }
        return new SchemeDefinition(categories, new SchemeDefinition.YearEnd(new BigDecimal("50"),
                new BigDecimal("90"), new BigDecimal("60"), null));
    }

    static SchemeDefinition.Weighted weighted(Indicator indicator, String label, String weight, BigDecimal points,
            List<BigDecimal> rungPoints) {
        return new SchemeDefinition.Weighted(indicator, label, new BigDecimal(weight), points, rungPoints);
    }
}
