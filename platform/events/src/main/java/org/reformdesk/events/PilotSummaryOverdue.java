package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pilot's periodic summary ("四个一": MONTHLY_SUMMARY, QUARTERLY_ANALYSIS, HALF_YEAR_REVIEW, FINAL_SUMMARY)
 * was not in by its due date; once per (pilot, kind, period).
 */
public record PilotSummaryOverdue(UUID pilotId, String name, UUID leadUnitId, UUID leadLeaderId, String kind,
        String period, LocalDate dueOn) implements ReformEvent {

    public static PilotSummaryOverdue of(UUID pilotId, String name, UUID leadUnitId, UUID leadLeaderId, String kind,
            String period, LocalDate dueOn) {
        return new PilotSummaryOverdue(pilotId, name, leadUnitId, leadLeaderId, kind, period, dueOn);
    }

    @Override
    public EventType type() {
        return EventType.PILOT_SUMMARY_OVERDUE;
    }

    @Override
    public String subject() {
        return pilotId.toString();
    }
}
