package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A rectification item (限时整改) not yet verified falls due in {@code daysLeft} days: once per (item, deadline,
 * reminder offset), so a reopened item with a new deadline is reminded again.
 */
public record RectificationDueSoon(UUID itemId, UUID findingId, UUID unitId, String description, LocalDate dueOn,
        int daysLeft, UUID responsiblePersonId) implements ReformEvent {

    public static RectificationDueSoon of(UUID itemId, UUID findingId, UUID unitId, String description,
            LocalDate dueOn, int daysLeft, UUID responsiblePersonId) {
        return new RectificationDueSoon(itemId, findingId, unitId, description, dueOn, daysLeft, responsiblePersonId);
    }

    @Override
    public EventType type() {
        return EventType.RECTIFICATION_DUE_SOON;
    }

    @Override
    public String subject() {
        return itemId.toString();
    }
}
