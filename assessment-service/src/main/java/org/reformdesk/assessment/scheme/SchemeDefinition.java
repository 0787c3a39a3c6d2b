package org.reformdesk.assessment.scheme;

import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a scheme says: for each category the indicators it weighs (out of 100), what each fact is worth, and how the
 * year-end composite and grades are made. Stored as the scheme's JSON and never changed once published.
 *
 * @param categories the indicators of each category (Kunming: A, B and C)
 * @param yearEnd    the year-end composite and grades
 */
public record SchemeDefinition(Map<AssessmentCategory, List<Weighted>> categories, YearEnd yearEnd) {

    /**
     * One indicator of a category.
     *
     * @param label      the scheme's own words for it, e.g. 改革任务完成
     * @param weight     what it is worth out of the category's 100 points
     * @param points     for a deduction indicator: what each fact costs (zero or negative); the indicator never goes
     *                   below zero
     * @param rungPoints for supervision orders: what an order of each rung costs, lowest rung first
     */
    public record Weighted(Indicator indicator, String label, BigDecimal weight, BigDecimal points,
            List<BigDecimal> rungPoints) {
    }

    /**
     * The year-end composite (Zibo: monthly scores count 50%) and its grades.
     *
     * @param monthlyShare   percent of the composite taken by the average of the year's monthly scores; the rest is
     *                       the year-end assessment (the manual indicators of the year, by their weights)
     * @param excellentFrom  the lowest composite graded EXCELLENT (改革工作完成优秀)
     * @param completedFrom  the lowest composite graded COMPLETED (改革工作完成); below is NOT_COMPLETED
     * @param excellentQuota optional cap on the percent of a category's units graded EXCELLENT, best first
     */
    public record YearEnd(BigDecimal monthlyShare, BigDecimal excellentFrom, BigDecimal completedFrom,
            BigDecimal excellentQuota) {
    }
}
