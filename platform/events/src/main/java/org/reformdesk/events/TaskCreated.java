package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/** A reform task was entered into the ledger. */
public record TaskCreated(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
        LocalDate deadline) implements ReformEvent {

    public static TaskCreated of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate deadline) {
        return new TaskCreated(taskId, code, title, leadUnitId, responsiblePersonId, deadline);
    }

    @Override
    public EventType type() {
        return EventType.TASK_CREATED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
