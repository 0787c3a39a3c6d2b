package org.reformdesk.task.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A task as the ledger shows it, with its derived timeliness. */
public record TaskView(UUID id, String code, String title, String description, List<String> policyAreas,
        TaskOrigin origin, boolean rigid, int planYear, UUID groupId, UUID leadUnitId, List<UUID> coLeadUnitIds,
        List<UUID> participatingUnitIds, UUID responsibleLeaderId, UUID responsiblePersonId, LocalDate deadline,
        List<MilestoneView> milestones, String expectedOutcome, List<String> tags, TaskStatus status,
        Timeliness timeliness, LocalDate suspendedOn, Integer remainingDays) {

    public record MilestoneView(UUID id, String name, LocalDate dueOn, boolean done, LocalDate doneOn) {

        static MilestoneView of(Milestone milestone) {
            return new MilestoneView(milestone.id, milestone.name, milestone.dueOn, milestone.doneOn != null,
                    milestone.doneOn);
        }
    }

    /**
     * One entry of a task's history; {@code field}, {@code oldValue} and {@code newValue} say what an edit or a
     * reassignment changed (null otherwise).
     */
    public record HistoryView(Instant at, String actor, TaskHistory.Action action, TaskStatus from, TaskStatus to,
            LocalDate previousDeadline, LocalDate deadline, String reason, String field, String oldValue,
            String newValue) {

        static HistoryView of(TaskHistory entry) {
            return new HistoryView(entry.at, entry.actor, entry.action, entry.fromStatus, entry.toStatus,
                    entry.previousDeadline, entry.deadline, entry.reason, entry.field, entry.oldValue, entry.newValue);
        }
    }

    static TaskView of(Task task, List<Milestone> milestones, Timeliness timeliness) {
        return new TaskView(task.id, task.code, task.title, task.description, List.copyOf(task.policyAreas),
                task.origin, task.rigid, task.planYear, task.groupId, task.leadUnitId, List.copyOf(task.coLeadUnitIds),
                List.copyOf(task.participatingUnitIds), task.responsibleLeaderId, task.responsiblePersonId,
                task.deadline, milestones.stream().map(MilestoneView::of).toList(), task.expectedOutcome,
                List.copyOf(task.tags), task.status, timeliness, task.suspendedOn, task.remainingDays);
    }
}
