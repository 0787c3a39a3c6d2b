package org.reformdesk.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A month's ranking of one category was frozen and published (一月一排名, 一月一通报), for the bulletin. The
 * lowest-ranked units (more than one if tied) are flagged for a diagnosis visit (一月一会诊).
 */
public record MonthPublished(String month, AssessmentCategory category, List<Entry> ranking,
        List<UUID> diagnosisUnitIds) implements ReformEvent {

    /** One unit's place in the month's ranking. */
    public record Entry(UUID unitId, BigDecimal score, int rank) {
    }

    public static MonthPublished of(String month, AssessmentCategory category, List<Entry> ranking,
            List<UUID> diagnosisUnitIds) {
        return new MonthPublished(month, category, List.copyOf(ranking), List.copyOf(diagnosisUnitIds));
    }

    @Override
    public EventType type() {
        return EventType.MONTH_PUBLISHED;
    }

    @Override
    public String subject() {
        return month + "/" + category;
    }
}
