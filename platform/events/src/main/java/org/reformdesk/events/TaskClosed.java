package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/** The reform office verified a task done and closed it (销号); {@code onTime} if closed by its deadline. */
public record TaskClosed(UUID taskId, String code, String title, UUID leadUnitId, LocalDate deadline,
        LocalDate closedOn, boolean onTime) implements ReformEvent {

    public static TaskClosed of(UUID taskId, String code, String title, UUID leadUnitId, LocalDate deadline,
            LocalDate closedOn) {
        return new TaskClosed(taskId, code, title, leadUnitId, deadline, closedOn, !closedOn.isAfter(deadline));
    }

    @Override
    public EventType type() {
        return EventType.TASK_CLOSED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
