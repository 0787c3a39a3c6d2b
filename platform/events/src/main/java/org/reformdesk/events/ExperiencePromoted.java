package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pilot's outcome was promoted (推广推介): an institutional result (INSTITUTIONAL_RESULT, 制度性成果) or a
 * replicable experience (REPLICABLE_EXPERIENCE, 可复制可推广经验), at CITY, PROVINCE or NATIONAL level.
 */
public record ExperiencePromoted(UUID pilotId, UUID outcomeId, UUID leadUnitId, String kind, String title,
        String level, LocalDate promotedOn) implements ReformEvent {

    public static ExperiencePromoted of(UUID pilotId, UUID outcomeId, UUID leadUnitId, String kind, String title,
            String level, LocalDate promotedOn) {
        return new ExperiencePromoted(pilotId, outcomeId, leadUnitId, kind, title, level, promotedOn);
    }

    @Override
    public EventType type() {
        return EventType.EXPERIENCE_PROMOTED;
    }

    @Override
    public String subject() {
        return pilotId.toString();
    }
}
