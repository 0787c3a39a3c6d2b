package org.reformdesk.events;

import java.util.UUID;

/**
 * A task moved along its lifecycle (DRAFT, ASSIGNED, IN_PROGRESS, CLOSE_REQUESTED, CLOSED, SUSPENDED,
 * CANCELLED); {@code reason} is given for rejections, suspensions and cancellations, {@code actorId} is who did it.
 */
public record TaskStatusChanged(UUID taskId, String code, String title, UUID leadUnitId, String fromStatus,
        String toStatus, String reason, String actorId) implements ReformEvent {

    public static TaskStatusChanged of(UUID taskId, String code, String title, UUID leadUnitId,
            String fromStatus, String toStatus, String reason, String actorId) {
        return new TaskStatusChanged(taskId, code, title, leadUnitId, fromStatus, toStatus, reason, actorId);
    }

    @Override
    public EventType type() {
        return EventType.TASK_STATUS_CHANGED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
