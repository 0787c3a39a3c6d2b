package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A lead unit (or its special group's liaison) asked for a later deadline (延期申请) before the current one passed;
 * the reform office has yet to decide. Keyed by the task, so it stays in order with the task's other events.
 * {@code requesterPersonId} is the requester's person in the directory, null where their login names none;
 * {@code groupId} the task's coordinating special group, null where it has none.
 */
public record ExtensionRequested(UUID requestId, UUID taskId, String code, String title, UUID leadUnitId,
        UUID groupId, UUID responsiblePersonId, LocalDate deadline, LocalDate requestedDeadline, String reason,
        String requestedBy, UUID requesterPersonId) implements ReformEvent {

    public static ExtensionRequested of(UUID requestId, UUID taskId, String code, String title, UUID leadUnitId,
            UUID groupId, UUID responsiblePersonId, LocalDate deadline, LocalDate requestedDeadline, String reason,
            String requestedBy, UUID requesterPersonId) {
        return new ExtensionRequested(requestId, taskId, code, title, leadUnitId, groupId, responsiblePersonId,
                deadline, requestedDeadline, reason, requestedBy, requesterPersonId);
    }

    @Override
    public EventType type() {
        return EventType.EXTENSION_REQUESTED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
