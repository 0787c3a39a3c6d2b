package org.reformdesk.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The reform office decided an extension request: {@code decision} is APPROVED (the task's deadline moved from
 * {@code previousDeadline} to {@code deadline}, also announced as reform.task.deadline-changed.v1) or REJECTED
 * ({@code deadline} null, the task keeps {@code previousDeadline}). {@code requesterPersonId} is who asked, null
 * where their login names no person of the directory.
 */
public record ExtensionDecided(UUID requestId, UUID taskId, String code, String title, UUID leadUnitId,
        UUID responsiblePersonId, UUID requesterPersonId, LocalDate previousDeadline, LocalDate requestedDeadline,
        String decision, LocalDate deadline, String comment, String decidedBy) implements ReformEvent {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public static ExtensionDecided of(UUID requestId, UUID taskId, String code, String title, UUID leadUnitId,
            UUID responsiblePersonId, UUID requesterPersonId, LocalDate previousDeadline, LocalDate requestedDeadline,
            String decision, LocalDate deadline, String comment, String decidedBy) {
        return new ExtensionDecided(requestId, taskId, code, title, leadUnitId, responsiblePersonId,
                requesterPersonId, previousDeadline, requestedDeadline, decision, deadline, comment, decidedBy);
    }

    public boolean approved() {
        return APPROVED.equals(decision);
    }

    @Override
    public EventType type() {
        return EventType.EXTENSION_DECIDED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
