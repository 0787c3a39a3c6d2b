package org.reformdesk.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.Unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Corrects a task once entered: its descriptive fields (an edit) and its responsibility chain (a reassignment, which
 * the other services follow through {@code reform.task.reassigned.v1}). Every changed field goes into the history,
 * old → new.
 */
@ApplicationScoped
class TaskChangeService {

    @Inject
    TaskService tasks;

    @Inject
    TaskLedger ledger;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Inject
    LedgerConfig config;

    @Inject
    EntityManager entityManager;

    /** Applies an edit; one that changes nothing (a retry, say) writes nothing. */
    @Transactional
    public Task edit(UUID id, TaskRequests.TaskEdit edit, String actor, String idempotencyKey) {
        idempotencyKeys.once(idempotencyKey, actor + " PATCH /api/v1/tasks/" + id, edit, () -> {
            apply(open(id, "be edited"), edit, actor);
            return id;
        });
        return Task.findById(id);
    }

    private void apply(Task task, TaskRequests.TaskEdit edit, String actor) {
        List<Milestone> milestones = Milestone.list("taskId = ?1 order by position", task.id);
        TaskEdits.Plan plan = TaskEdits.plan(new TaskEdits.Current(task.title, task.description,
                List.copyOf(task.policyAreas), task.leadUnitId, List.copyOf(task.participatingUnitIds),
                milestones.stream().map(m -> new TaskEdits.CurrentMilestone(m.id, m.name, m.dueOn, m.doneOn != null))
                        .toList()), edit, config.policyAreas());
        List<Problem.FieldError> errors = new ArrayList<>(plan.errors());
        List<UUID> participants = edit.participatingUnitIds() == null ? List.of()
                : edit.participatingUnitIds().stream().distinct().toList();
        if (!participants.isEmpty() && Unit.count("id in ?1", participants) != participants.size()) {
            errors.add(new Problem.FieldError("participatingUnitIds", "names a unit that does not exist"));
        }
        if (!errors.isEmpty()) {
            throw TaskRules.invalid(errors);
        }
        if (plan.changes().isEmpty()) {
            return;
        }
        if (edit.title() != null) {
            task.title = edit.title().strip();
        }
        if (edit.description() != null) {
            task.description = edit.description().isBlank() ? null : edit.description();
        }
        if (edit.policyAreas() != null) {
            task.policyAreas = new ArrayList<>(edit.policyAreas().stream().map(String::strip).distinct().toList());
        }
        if (edit.participatingUnitIds() != null) {
            task.participatingUnitIds = new ArrayList<>(participants);
        }
        if (plan.milestones() != null) {
            replaceMilestones(task.id, milestones, plan);
        }
        Instant now = clock.instant();
        for (TaskEdits.Change change : plan.changes()) {
            record(task, now, actor, TaskHistory.Action.EDITED, change.field(), change.oldValue(), change.newValue(),
                    null);
        }
        task.updatedAt = now;
        ledger.changed();
        tasks.flushed(task);
    }

    /** Removed milestones go first, so a kept or new one may take a freed name. */
    private void replaceMilestones(UUID taskId, List<Milestone> current, TaskEdits.Plan plan) {
        if (!plan.removedMilestones().isEmpty()) {
            Milestone.delete("id in ?1", plan.removedMilestones());
            entityManager.flush();
        }
        for (TaskEdits.PlannedMilestone planned : plan.milestones()) {
            Milestone milestone = planned.id() == null ? new Milestone() : current.stream()
                    .filter(m -> m.id.equals(planned.id())).findFirst().orElseThrow();
            if (planned.id() == null) {
                milestone.id = UUID.randomUUID();
                milestone.taskId = taskId;
            }
            milestone.name = planned.name();
            milestone.dueOn = planned.dueOn();
            milestone.position = planned.position();
            if (planned.id() == null) {
                milestone.persist();
            }
        }
    }

    /**
     * Hands the task to another lead unit, responsible leader or responsible person. The new lead unit leaves the
     * co-leads and participants it was among; what the old holders were already sent (reminders, orders,
     * deductions) stays with them.
     */
    @Transactional
    public Task reassign(UUID id, TaskRequests.Reassignment request, String actor, String idempotencyKey) {
        idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/tasks/" + id + "/reassignments", request, () -> {
            Task task = open(id, "be reassigned");
            checkReferences(request);
            UUID leadUnit = request.leadUnitId() != null ? request.leadUnitId() : task.leadUnitId;
            UUID leader = request.responsibleLeaderId() != null ? request.responsibleLeaderId()
                    : task.responsibleLeaderId;
            UUID person = request.responsiblePersonId() != null ? request.responsiblePersonId()
                    : task.responsiblePersonId;
            if (leadUnit.equals(task.leadUnitId) && Objects.equals(leader, task.responsibleLeaderId)
                    && person.equals(task.responsiblePersonId)) {
                throw ProblemException.invalid("leadUnitId", "the lead unit, responsible leader and responsible "
                        + "person asked for are the task's already: nothing to reassign");
            }
            String reason = request.reason().strip();
            Instant now = clock.instant();
            TaskReassigned reassigned = TaskReassigned.of(task.id, task.code, task.title, task.leadUnitId, leadUnit,
                    task.responsibleLeaderId, leader, task.responsiblePersonId, person, task.deadline, reason,
                    Boolean.TRUE.equals(request.closeOpenOrders()), actor);
            changed(task, now, actor, "leadUnitId", task.leadUnitId, leadUnit, reason);
            changed(task, now, actor, "responsibleLeaderId", task.responsibleLeaderId, leader, reason);
            changed(task, now, actor, "responsiblePersonId", task.responsiblePersonId, person, reason);
            task.leadUnitId = leadUnit;
            task.coLeadUnitIds.remove(leadUnit);
            task.participatingUnitIds.remove(leadUnit);
            task.responsibleLeaderId = leader;
            task.responsiblePersonId = person;
            task.updatedAt = now;
            ledger.changed();
            outbox.record(reassigned);
            tasks.flushed(task);
            return id;
        });
        return Task.findById(id);
    }

    private void checkReferences(TaskRequests.Reassignment request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.leadUnitId() != null && Unit.findById(request.leadUnitId()) == null) {
            errors.add(new Problem.FieldError("leadUnitId", "no unit with id " + request.leadUnitId()));
        }
        for (String field : List.of("responsibleLeaderId", "responsiblePersonId")) {
            UUID id = field.equals("responsibleLeaderId") ? request.responsibleLeaderId()
                    : request.responsiblePersonId();
            Person person = id == null ? null : Person.findById(id);
            if (id != null && (person == null || person.removedAt != null)) {
                errors.add(new Problem.FieldError(field, "no person in the directory with id " + id));
            }
        }
        if (!errors.isEmpty()) {
            throw TaskRules.invalid(errors);
        }
    }

    private void changed(Task task, Instant at, String actor, String field, UUID before, UUID after, String reason) {
        if (!Objects.equals(before, after)) {
            record(task, at, actor, TaskHistory.Action.REASSIGNED, field, before == null ? null : before.toString(),
                    after.toString(), reason);
        }
    }

    private static void record(Task task, Instant at, String actor, TaskHistory.Action action, String field,
            String oldValue, String newValue, String reason) {
        TaskHistory entry = TaskHistory.of(task, at, actor, action);
        entry.field = field;
        entry.oldValue = oldValue;
        entry.newValue = newValue;
        entry.reason = reason;
        entry.persist();
    }

    /** The task, while it is still open to changes: a closed or cancelled task's record is final. */
    private Task open(UUID id, String what) {
        Task task = Task.<Task>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Task", id));
        if (task.status == TaskStatus.CLOSED || task.status == TaskStatus.CANCELLED) {
            throw ProblemException.conflict("Not allowed while " + task.status,
                    "Task " + task.code + " is " + task.status + "; it cannot " + what + " now.");
        }
        return task;
    }
}
