package org.reformdesk.assessment.bulletin;

import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a month's bulletin (一月一通报) says, gathered from the facts this service holds: its own closed rankings and
 * the facts the other services announced. The office's letterhead comes from configuration.
 */
record BulletinContent(String month, Letterhead letterhead, LocalDate issuedOn, List<CategoryFigures> figures,
        List<AreaFigures> areas, List<CategoryRanking> rankings, List<OverdueUnit> overdue,
        List<SupervisedUnit> supervision) {

    /** How the bulletin names the tasks whose events named no policy area (those from before areas were sent). */
    public static final String NO_AREA = "未注明领域";

    /** The office issuing it, its issuing number (文号) and the bulletin's title. */
    public record Letterhead(String officeName, String number, String title) {
    }

    /** A category's month in figures: units ranked, tasks closed (on time), tasks gone overdue, orders received. */
    public record CategoryFigures(AssessmentCategory category, int units, int closes, int onTime, int overdue,
            int orders, BigDecimal averageScore) {
    }

    /**
     * A policy area's (政策领域) month: tasks closed (on time) and tasks gone overdue of the units ranked that month.
     * A task of two areas counts in each.
     */
    public record AreaFigures(String area, int closes, int onTime, int overdue) {
    }

    /**
     * A unit's place in its category's frozen ranking; {@code change} is the places it moved up since the month
     * before (negative: down), null where the month before has no frozen ranking of it.
     */
    public record RankedUnit(int rank, String name, BigDecimal score, Integer change, boolean diagnosis) {
    }

    public record CategoryRanking(AssessmentCategory category, List<RankedUnit> units) {
    }

    /** A unit's tasks that went overdue in the month (exempted ones left out), and the points they cost. */
    public record OverdueUnit(String name, AssessmentCategory category, List<String> tasks, BigDecimal points) {
    }

    /** The supervision orders a unit received in the month: issued, escalated, and what they were about. */
    public record SupervisedUnit(String name, AssessmentCategory category, int issued, int escalated,
            List<String> orders, BigDecimal points) {
    }

    /** The category as the bulletin names it. */
    public static String label(AssessmentCategory category) {
        return switch (category) {
            case A -> "A类（承担刚性改革任务的部门）";
            case B -> "B类（其他部门）";
            case C -> "C类（县市区、开发区）";
        };
    }

    /** The units flagged for a diagnosis visit (一月一会诊), category by category. */
    public List<RankedUnit> diagnosis(AssessmentCategory category) {
        return rankings.stream().filter(r -> r.category() == category).flatMap(r -> r.units().stream())
                .filter(RankedUnit::diagnosis).toList();
    }
}
