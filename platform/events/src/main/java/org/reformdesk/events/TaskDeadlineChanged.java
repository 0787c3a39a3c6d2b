package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task's deadline was adjusted (or moved by a suspension ending); the old date is kept in the task's history.
 */
public record TaskDeadlineChanged(UUID taskId, String code, UUID leadUnitId, LocalDate previousDueOn,
        LocalDate dueOn, String reason) implements ReformEvent {

    public static TaskDeadlineChanged of(UUID taskId, String code, UUID leadUnitId, LocalDate previousDueOn,
            LocalDate dueOn, String reason) {
        return new TaskDeadlineChanged(taskId, code, leadUnitId, previousDueOn, dueOn, reason);
    }

    @Override
    public EventType type() {
        return EventType.TASK_DEADLINE_CHANGED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
