package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A rectification item (限时整改) passed its deadline without a verified rectification: once per (item, deadline).
 */
public record RectificationOverdue(UUID itemId, UUID findingId, UUID unitId, String description,
        LocalDate dueOn, UUID responsiblePersonId) implements ReformEvent {

    public static RectificationOverdue of(UUID itemId, UUID findingId, UUID unitId, String description,
            LocalDate dueOn, UUID responsiblePersonId) {
        return new RectificationOverdue(itemId, findingId, unitId, description, dueOn, responsiblePersonId);
    }

    @Override
    public EventType type() {
        return EventType.RECTIFICATION_OVERDUE;
    }

    @Override
    public String subject() {
        return itemId.toString();
    }
}
