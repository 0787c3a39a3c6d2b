package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A running pilot's periodic summary ({@code kind} as in {@link PilotSummaryOverdue}) is not in and falls due in
 * {@code daysLeft} days: once per (pilot, kind, period, reminder offset).
 */
public record PilotSummaryDueSoon(UUID pilotId, String name, UUID leadUnitId, UUID leadLeaderId, String kind,
        String period, LocalDate dueOn, int daysLeft) implements ReformEvent {

    public static PilotSummaryDueSoon of(UUID pilotId, String name, UUID leadUnitId, UUID leadLeaderId, String kind,
            String period, LocalDate dueOn, int daysLeft) {
        return new PilotSummaryDueSoon(pilotId, name, leadUnitId, leadLeaderId, kind, period, dueOn, daysLeft);
    }

    @Override
    public EventType type() {
        return EventType.PILOT_SUMMARY_DUE_SOON;
    }

    @Override
    public String subject() {
        return pilotId.toString();
    }
}
