package org.reformdesk.task.extension;

import org.reformdesk.task.ledger.Task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An extension request as the API shows it, with the task it is about (code, title, lead unit, group and its
 * deadline now) so that the office's queue reads without a second call. {@code deadline} is the task's deadline
 * when the request was made; {@code approvedDeadline} where an approval moved it.
 */
record ExtensionView(UUID id, UUID taskId, String taskCode, String taskTitle, UUID leadUnitId, UUID groupId,
        LocalDate taskDeadline, ExtensionState state, LocalDate deadline, LocalDate requestedDeadline, String reason,
        Instant requestedAt, String requestedBy, UUID requesterPersonId, Instant decidedAt, String decidedBy,
        String comment, LocalDate approvedDeadline) {

    static ExtensionView of(ExtensionRequest request, Task task) {
        return new ExtensionView(request.id, request.taskId, task.code, task.title, task.leadUnitId, task.groupId,
                task.deadline, request.state, request.deadline, request.requestedDeadline, request.reason,
                request.requestedAt, request.requestedBy, request.requesterPersonId, request.decidedAt,
                request.decidedBy, request.comment, request.approvedDeadline);
    }
}
