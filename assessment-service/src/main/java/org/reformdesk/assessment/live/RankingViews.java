package org.reformdesk.assessment.live;

import org.reformdesk.assessment.manual.ManualScoreViews.ManualScoreView;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How rankings and a unit's score card are shown. */
final class RankingViews {

    private RankingViews() {
    }

    /** A page of a ranking, with the month it is for and whether it is frozen. */
    public record RankingPage(AssessmentCategory category, String month, boolean frozen, List<Standings.Place> items,
            int page, int size, long total) {
    }

    /** A fact behind the score; an exempted one (容错) is shown with the office's reason and does not count. */
    public record PointView(Indicator indicator, BigDecimal points, String reason, Instant occurredAt, UUID eventId,
            UUID subjectId, boolean exempted, String exemptionReason) {
    }

    public record MonthPoint(String month, BigDecimal score, Integer rank, boolean frozen) {
    }

    public record ScoreCard(UUID unitId, String code, String name, AssessmentCategory category, String month,
            BigDecimal score, Integer rank, int unitsRanked, boolean frozen, Boolean diagnosis,
            List<MonthlyScore.Part> indicators, List<PointView> points, List<ManualScoreView> manualScores,
            List<MonthPoint> trend) {
    }
}
