package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A lead unit's monthly progress report for a task was not in by its due day; once per (task, period).
 * {@code responsibleLeaderId} is null where the task names none.
 */
public record ReportOverdue(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
        String period, LocalDate dueOn, UUID responsibleLeaderId) implements ReformEvent {

    public static ReportOverdue of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            String period, LocalDate dueOn, UUID responsibleLeaderId) {
        return new ReportOverdue(taskId, code, title, leadUnitId, responsiblePersonId, period, dueOn,
                responsibleLeaderId);
    }

    @Override
    public EventType type() {
        return EventType.REPORT_OVERDUE;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
