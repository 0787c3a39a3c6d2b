package org.reformdesk.assessment.bulletin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.live.RankChange;
import org.reformdesk.assessment.live.ScoredEvents;
import org.reformdesk.assessment.live.Standings;
import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers a closed month's bulletin from what this service holds: the frozen rankings (and the month before's, for
 * the change of rank) and the month's facts as the other services announced them, a task's facts with its policy
 * areas. It reads no other service's tables. Each unit counts in the category its frozen ranking placed it in that
 * month, so a month closed late reads as the month was, whatever the directory says now.
 */
@ApplicationScoped
class BulletinFacts {

    @Inject
    EntityManager entityManager;

    @Inject
    Standings standings;

    @Inject
    BulletinConfig config;

    BulletinContent gather(String month, LocalDate issuedOn) {
        YearMonth yearMonth = YearMonth.parse(month);
        BulletinContent.Letterhead letterhead = new BulletinContent.Letterhead(config.officeName(),
                config.numberPrefix() + "〔" + yearMonth.getYear() + "〕" + yearMonth.getMonthValue() + "号",
                BulletinDocument.title(month));
        Map<AssessmentCategory, Standings.Table> tables = new EnumMap<>(AssessmentCategory.class);
        List<BulletinContent.CategoryRanking> rankings = new ArrayList<>();
        for (AssessmentCategory category : AssessmentCategory.values()) {
            Standings.Table table = standings.ranking(category, month);
            tables.put(category, table);
            Map<UUID, Integer> before = standings.frozenRanks(category, yearMonth.minusMonths(1).toString());
            rankings.add(new BulletinContent.CategoryRanking(category, ranked(table, before)));
        }
        return new BulletinContent(month, letterhead, issuedOn, figures(month, tables), areas(month), rankings,
                overdue(month), supervision(month));
    }

    private static List<BulletinContent.RankedUnit> ranked(Standings.Table table, Map<UUID, Integer> before) {
        return table.places().stream().map(place -> new BulletinContent.RankedUnit(place.rank(), place.name(),
                place.score(), RankChange.between(before.get(place.unitId()), place.rank()),
                Boolean.TRUE.equals(place.diagnosis()))).toList();
    }

    private List<BulletinContent.CategoryFigures> figures(String month,
            Map<AssessmentCategory, Standings.Table> tables) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.category,
                            count(*) FILTER (WHERE e.indicator = :close),
                            count(*) FILTER (WHERE e.indicator = :close AND e.detail = 'ON_TIME'),
                            count(*) FILTER (WHERE e.indicator = :overdue AND e.exempted_by IS NULL),
                            count(*) FILTER (WHERE e.indicator = :orders)
                        FROM score_entry e JOIN month_ranking r ON r.unit_id = e.unit_id AND r.month = e.month
                        WHERE e.month = :month GROUP BY r.category""")
                .setParameter("month", month).setParameter("close", Indicator.ON_TIME_CLOSE_RATE.name())
                .setParameter("overdue", Indicator.OVERDUE_TASKS.name())
                .setParameter("orders", Indicator.SUPERVISION_ORDERS.name()).getResultList();
        Map<String, Object[]> byCategory = rows.stream().collect(Collectors.toMap(r -> (String) r[0],
                Function.identity()));
        List<BulletinContent.CategoryFigures> figures = new ArrayList<>();
        for (AssessmentCategory category : AssessmentCategory.values()) {
            Object[] row = byCategory.getOrDefault(category.name(), new Object[] {category.name(), 0, 0, 0, 0});
            List<Standings.Place> places = tables.get(category).places();
            BigDecimal average = places.isEmpty() ? null : places.stream().map(Standings.Place::score)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(places.size()), 2, RoundingMode.HALF_UP);
            figures.add(new BulletinContent.CategoryFigures(category, places.size(), count(row[1]), count(row[2]),
                    count(row[3]), count(row[4]), average));
        }
        return figures;
    }

    /**
     * The month's closes and overdue tasks by policy area, as the category figures count them; a task of two areas
     * counts in each, one whose event named none under {@link BulletinContent#NO_AREA}. None at all when no fact of
     * the month names an area (facts from before task events carried them), rather than one row of unnamed areas.
     */
    private List<BulletinContent.AreaFigures> areas(String month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT a.area,
                            count(*) FILTER (WHERE e.indicator = :close),
                            count(*) FILTER (WHERE e.indicator = :close AND e.detail = 'ON_TIME'),
                            count(*) FILTER (WHERE e.indicator = :overdue AND e.exempted_by IS NULL)
                        FROM score_entry e JOIN month_ranking r ON r.unit_id = e.unit_id AND r.month = e.month
                        CROSS JOIN LATERAL unnest(CASE WHEN cardinality(e.policy_areas) = 0 THEN ARRAY['']
                            ELSE e.policy_areas END) AS a(area)
                        WHERE e.month = :month AND e.indicator IN (:close, :overdue)
                        GROUP BY a.area""")
                .setParameter("month", month).setParameter("close", Indicator.ON_TIME_CLOSE_RATE.name())
                .setParameter("overdue", Indicator.OVERDUE_TASKS.name()).getResultList();
        if (rows.stream().allMatch(r -> ((String) r[0]).isEmpty())) {
            return List.of();
        }
        // busiest areas first; the unnamed last, whatever its size
        Comparator<BulletinContent.AreaFigures> order = Comparator
                .comparing((BulletinContent.AreaFigures a) -> a.area().equals(BulletinContent.NO_AREA))
                .thenComparing(a -> -(a.closes() + a.overdue()))
                .thenComparing(BulletinContent.AreaFigures::area);
        return rows.stream().map(r -> new BulletinContent.AreaFigures(((String) r[0]).isEmpty()
                        ? BulletinContent.NO_AREA : (String) r[0], count(r[1]), count(r[2]), count(r[3])))
                .filter(a -> a.closes() + a.overdue() > 0).sorted(order).toList();
    }

    /** The month's overdue tasks unit by unit; an exempted one (an approved extension, a suspension) was no lateness. */
    private List<BulletinContent.OverdueUnit> overdue(String month) {
        return byUnit(facts(month, Indicator.OVERDUE_TASKS, true)).stream().map(rows -> new BulletinContent.OverdueUnit(
                (String) rows.get(0)[1], AssessmentCategory.valueOf((String) rows.get(0)[2]),
                rows.stream().map(r -> ((String) r[3]).replaceFirst("^任务逾期：", "")).toList(),
                rows.stream().map(r -> (BigDecimal) r[4]).reduce(BigDecimal.ZERO, BigDecimal::add))).toList();
    }

    /** The orders units received in the month, issued or escalated, whether or not their points were exempted. */
    private List<BulletinContent.SupervisedUnit> supervision(String month) {
        return byUnit(facts(month, Indicator.SUPERVISION_ORDERS, false)).stream().map(rows -> {
            int escalated = (int) rows.stream().filter(r -> ((String) r[3]).startsWith(ScoredEvents.ORDER_ESCALATED))
                    .count();
            return new BulletinContent.SupervisedUnit((String) rows.get(0)[1],
                    AssessmentCategory.valueOf((String) rows.get(0)[2]), rows.size() - escalated, escalated,
                    rows.stream().map(r -> (String) r[3]).toList(),
                    rows.stream().filter(r -> r[5] == null).map(r -> (BigDecimal) r[4])
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }).toList();
    }

    private static List<List<Object[]>> byUnit(List<Object[]> rows) {
        return List.copyOf(rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0], LinkedHashMap::new,
                Collectors.toList())).values());
    }

    /** Unit id, name, category, reason, points, exemption of the month's facts of an indicator, unit by unit. */
    private List<Object[]> facts(String month, Indicator indicator, boolean countingOnly) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT u.id, u.name, r.category, e.reason, e.points, e.exempted_by
                        FROM score_entry e JOIN assessed_unit u ON u.id = e.unit_id
                        JOIN month_ranking r ON r.unit_id = e.unit_id AND r.month = e.month
                        WHERE e.month = :month AND e.indicator = :indicator
                            AND (e.exempted_by IS NULL OR NOT :countingOnly)
                        ORDER BY r.category, u.code, e.occurred_at""")
                .setParameter("month", month).setParameter("indicator", indicator.name())
                .setParameter("countingOnly", countingOnly).getResultList();
        return rows;
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
