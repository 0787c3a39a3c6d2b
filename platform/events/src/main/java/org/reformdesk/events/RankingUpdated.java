package org.reformdesk.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A unit's live rank within its category for a month (YYYY-MM) changed; previousRank is null for a unit ranked the
 * first time that month.
 */
public record RankingUpdated(UUID unitId, AssessmentCategory category, BigDecimal score, int rank,
        Integer previousRank, int unitsRanked, String month) implements ReformEvent {

    public static RankingUpdated of(UUID unitId, AssessmentCategory category, BigDecimal score, int rank,
            Integer previousRank, int unitsRanked, String month) {
        return new RankingUpdated(unitId, category, score, rank, previousRank, unitsRanked, month);
    }

    @Override
    public EventType type() {
        return EventType.RANKING_UPDATED;
    }

    @Override
    public String subject() {
        return unitId.toString();
    }
}
