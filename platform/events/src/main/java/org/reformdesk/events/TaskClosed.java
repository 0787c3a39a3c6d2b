package org.reformdesk.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reform office verified a task done and closed it (销号); {@code onTime} if closed by its deadline.
 * {@code policyAreas} (政策领域) are the task's areas when it was closed, for figures by area; null from a producer
 * older than the field.
 */
public record TaskClosed(UUID taskId, String code, String title, UUID leadUnitId, LocalDate deadline,
        LocalDate closedOn, boolean onTime, List<String> policyAreas) implements ReformEvent {

    public static TaskClosed of(UUID taskId, String code, String title, UUID leadUnitId, LocalDate deadline,
            LocalDate closedOn) {
        return of(taskId, code, title, leadUnitId, deadline, closedOn, null);
    }

    public static TaskClosed of(UUID taskId, String code, String title, UUID leadUnitId, LocalDate deadline,
            LocalDate closedOn, List<String> policyAreas) {
        return new TaskClosed(taskId, code, title, leadUnitId, deadline, closedOn, !closedOn.isAfter(deadline),
                policyAreas == null ? null : List.copyOf(policyAreas));
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
