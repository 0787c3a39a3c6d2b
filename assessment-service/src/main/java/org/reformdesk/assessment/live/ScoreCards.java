package org.reformdesk.assessment.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.assessment.directory.AssessedUnit;
import org.reformdesk.assessment.directory.Placements;
import org.reformdesk.assessment.exemption.Exemption;
import org.reformdesk.assessment.live.RankingViews.MonthPoint;
import org.reformdesk.assessment.live.RankingViews.PointView;
import org.reformdesk.assessment.live.RankingViews.RankingPage;
import org.reformdesk.assessment.live.RankingViews.ScoreCard;
import org.reformdesk.assessment.manual.ManualScore;
import org.reformdesk.assessment.manual.ManualScoreViews.ManualScoreView;
import org.reformdesk.assessment.scheme.ScoringRules;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rankings and score cards as they are read: a category's ranking for a month — a closed month frozen as published,
 * the current month live — and a unit's score card, its score and rank, every point of the month with the fact
 * behind it, and its trend month by month.
 */
@ApplicationScoped
class ScoreCards {

    @Inject
    Standings standings;

    @Inject
    LiveScores scores;

    @Inject
    EntityManager entityManager;

    @Inject
    Placements placements;

    /** A page of a category's ranking for a month (null: this month, live), best first. */
    public RankingPage ranking(AssessmentCategory category, String month, PageRequest paging) {
        Standings.Table table = standings.ranking(category, month == null ? scores.currentMonth().toString() : month);
        List<Standings.Place> page = table.places().stream().skip((long) paging.page * paging.size)
                .limit(paging.size).toList();
        return new RankingPage(category, table.month(), table.frozen(), page, paging.page, paging.size,
                table.places().size());
    }

    /**
     * A unit's score card for a month (null: this month), in the category it was ranked in that month; not found
     * unless the unit is ranked in a category, today and that month.
     */
    public ScoreCard of(UUID unitId, String month) {
        String wanted = month == null ? scores.currentMonth().toString() : month;
        AssessedUnit unit = AssessedUnit.findById(unitId);
        // ranked in a category today, and in the month asked for: the card reads the ranking it was in that month
        AssessmentCategory category = unit == null || unit.category == null ? null
                : placements.categoryIn(unitId, wanted);
        if (category == null) {
            throw ProblemException.notFound("Unit score", unitId);
        }
        Standings.Table table = standings.ranking(category, wanted);
        Standings.Place place = table.places().stream().filter(p -> p.unitId().equals(unitId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Unit score", unitId));
        List<ScoreEntry> entries = ScoreEntry.<ScoreEntry>find(
                "unitId = ?1 and month = ?2 order by occurredAt desc", unitId, wanted).page(0, PageRequest.MAX_SIZE).list();
        Map<UUID, String> exemptions = Exemption.<Exemption>stream("unitId", unitId)
                .collect(Collectors.toMap(e -> e.id, e -> e.reason));
        List<PointView> points = entries.stream().map(e -> new PointView(e.indicator, e.points, e.reason,
                e.occurredAt, e.eventId, e.subjectId, e.exemptedBy != null, exemptions.get(e.exemptedBy))).toList();
        List<ManualScoreView> manual = ManualScore.<ManualScore>list(
                        "unitId = ?1 and period in (?2, ?3) order by period desc, kind", unitId, wanted,
                        wanted.substring(0, 4)).stream().map(ManualScoreView::of).toList();
        return new ScoreCard(unitId, unit.code, unit.name, category, wanted, place.score(), place.rank(),
                table.places().size(), table.frozen(), place.diagnosis(),
                scores.explain(unitId, wanted, category).parts(), points, manual, trend(unit));
    }

    /** The last twelve months in which the unit was scored or ranked, oldest first. */
    private List<MonthPoint> trend(AssessedUnit unit) {
        @SuppressWarnings("unchecked")
        List<String> months = entityManager.createNativeQuery("""
                        SELECT month FROM unit_standing WHERE unit_id = :unit
                        UNION SELECT month FROM month_ranking WHERE unit_id = :unit""")
                .setParameter("unit", unit.id).getResultList();
        TreeSet<String> ordered = new TreeSet<>(months);
        ordered.add(scores.currentMonth().toString());
        return ordered.descendingSet().stream().limit(12).sorted().map(m -> {
            AssessmentCategory category = placements.categoryIn(unit.id, m);
            if (category == null) {
                return new MonthPoint(m, ScoringRules.FULL_MARKS, null, false);
            }
            Standings.Table table = standings.ranking(category, m);
            return table.places().stream().filter(p -> p.unitId().equals(unit.id)).findFirst()
                    .map(p -> new MonthPoint(m, p.score(), p.rank(), table.frozen()))
                    .orElse(new MonthPoint(m, ScoringRules.FULL_MARKS, null, table.frozen()));
        }).toList();
    }
}
