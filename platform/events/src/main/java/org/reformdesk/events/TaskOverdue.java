package org.reformdesk.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A task passed its deadline without being closed. Emitted once per (task, deadline): a new deadline after an
 * approved adjustment can go overdue again and is a new occasion. {@code responsibleLeaderId} (责任领导) is null
 * where the task names none. {@code policyAreas} (政策领域) are the task's areas when it went overdue, for figures by
 * area; null from a producer older than the field.
 */
public record TaskOverdue(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
        LocalDate deadline, UUID responsibleLeaderId, List<String> policyAreas) implements ReformEvent {

    public static TaskOverdue of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate deadline) {
        return of(taskId, code, title, leadUnitId, responsiblePersonId, deadline, null);
    }

    public static TaskOverdue of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate deadline, UUID responsibleLeaderId) {
        return of(taskId, code, title, leadUnitId, responsiblePersonId, deadline, responsibleLeaderId, null);
    }

    public static TaskOverdue of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate deadline, UUID responsibleLeaderId, List<String> policyAreas) {
        return new TaskOverdue(taskId, code, title, leadUnitId, responsiblePersonId, deadline, responsibleLeaderId,
                policyAreas == null ? null : List.copyOf(policyAreas));
    }

    @Override
    public EventType type() {
        return EventType.TASK_OVERDUE;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
