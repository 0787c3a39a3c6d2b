package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The reform office handed a task to another lead unit, responsible leader or responsible person (each field with
 * its previous value; unchanged ones are equal). From now on the task's reminders and deductions go to the new
 * holders; what was already issued stays with whoever earned it. {@code closeOpenOrders}: the office closes the
 * task's open supervision order (reason "reassigned") instead of leaving it with the unit it was issued to.
 */
public record TaskReassigned(UUID taskId, String code, String title, UUID previousLeadUnitId, UUID leadUnitId,
        UUID previousResponsibleLeaderId, UUID responsibleLeaderId, UUID previousResponsiblePersonId,
        UUID responsiblePersonId, LocalDate deadline, String reason, boolean closeOpenOrders, String reassignedBy)
        implements ReformEvent {

    public static TaskReassigned of(UUID taskId, String code, String title, UUID previousLeadUnitId, UUID leadUnitId,
            UUID previousResponsibleLeaderId, UUID responsibleLeaderId, UUID previousResponsiblePersonId,
            UUID responsiblePersonId, LocalDate deadline, String reason, boolean closeOpenOrders,
            String reassignedBy) {
        return new TaskReassigned(taskId, code, title, previousLeadUnitId, leadUnitId, previousResponsibleLeaderId,
                responsibleLeaderId, previousResponsiblePersonId, responsiblePersonId, deadline, reason,
                closeOpenOrders, reassignedBy);
    }

    @Override
    public EventType type() {
        return EventType.TASK_REASSIGNED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
