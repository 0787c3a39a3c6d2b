package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task (or one of its milestones, when {@code milestone} is set) is {@code daysLeft} days from its due date:
 * emitted once per (task, deadline, offset) at each reminder offset (default 7, 3 and 1 days).
 * {@code responsibleLeaderId} is null where the task names none.
 */
public record TaskDueSoon(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
        LocalDate dueOn, int daysLeft, String milestone, UUID responsibleLeaderId) implements ReformEvent {

    public static TaskDueSoon of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate dueOn, int daysLeft, String milestone, UUID responsibleLeaderId) {
        return new TaskDueSoon(taskId, code, title, leadUnitId, responsiblePersonId, dueOn, daysLeft, milestone,
                responsibleLeaderId);
    }

    @Override
    public EventType type() {
        return EventType.TASK_DUE_SOON;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
