package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task's milestone (节点) passed its date without being reached: once per (task, milestone, date).
 */
public record MilestoneOverdue(UUID taskId, String code, String title, UUID leadUnitId,
        UUID responsiblePersonId, String milestone, LocalDate dueOn,
                UUID responsibleLeaderId) implements ReformEvent {

    public static MilestoneOverdue of(UUID taskId, String code, String title, UUID leadUnitId,
            UUID responsiblePersonId, String milestone, LocalDate dueOn, UUID responsibleLeaderId) {
        return new MilestoneOverdue(taskId, code, title, leadUnitId, responsiblePersonId, milestone, dueOn,
                responsibleLeaderId);
    }

    @Override
    public EventType type() {
        return EventType.MILESTONE_OVERDUE;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
