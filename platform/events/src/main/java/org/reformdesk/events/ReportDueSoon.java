package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task's monthly progress report for {@code period} is not in and falls due in {@code daysLeft} days (on the
 * report day): once per (task, period, reminder offset). {@code responsibleLeaderId} is null where the task names
 * none.
 */
public record ReportDueSoon(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
        String period, LocalDate dueOn, int daysLeft, UUID responsibleLeaderId) implements ReformEvent {

    public static ReportDueSoon of(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            String period, LocalDate dueOn, int daysLeft, UUID responsibleLeaderId) {
        return new ReportDueSoon(taskId, code, title, leadUnitId, responsiblePersonId, period, dueOn, daysLeft,
                responsibleLeaderId);
    }

    @Override
    public EventType type() {
        return EventType.REPORT_DUE_SOON;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
