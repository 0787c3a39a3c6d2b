package org.reformdesk.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskCreated;
import org.reformdesk.events.TaskDeadlineChanged;
import org.reformdesk.events.TaskStatusChanged;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.SpecialGroup;
import org.reformdesk.task.directory.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Enters tasks into the ledger and moves them along their lifecycle; {@link TaskLedger} answers its questions. */
@ApplicationScoped
public class TaskService {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** Why a task entered in a status past ASSIGNED is in it: the ledger it was kept in before. */
    static final String RUNNING_LEDGER = "导入原台账";

    @Inject
    ServiceClock clock;

    @Inject
    LedgerConfig config;

    @Inject
    TaskLedger ledger;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Task create(TaskRequests.NewTask request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/tasks", request, () -> {
            List<Problem.FieldError> errors = new ArrayList<>(TaskRules.check(request, config.policyAreas()));
            errors.addAll(checkReferences(request));
            if (!errors.isEmpty()) {
                throw TaskRules.invalid(errors);
            }
            String code = request.code() != null ? request.code() : nextCodes(1).get(0);
            if (Task.count("code", code) > 0) {
                throw ProblemException.conflict("Task code taken", "A task with code " + code + " exists.");
            }
            return enter(request, code, actor).id;
        });
        return Task.findById(id);
    }

    /**
     * Enters a task whose request was checked already; the import calls it for many rows in one transaction, so
     * it runs no query that would flush the rows entered before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task enter(TaskRequests.NewTask request, String code, String actor) {
        return enter(request, code, actor, request.status() != null ? request.status() : TaskStatus.ASSIGNED, null);
    }

    /**
     * Enters a task from a running ledger (a city adopting the platform mid-programme) in the status that ledger gives
     * it; a closed one is created closed on {@code closedOn}, its creation dated then, so the close date reads back
     * and scoring judges the close against the deadline as it was. A suspended one keeps the days its deadline had
     * left when its clock stopped, as a suspension in the ledger does, so resuming it moves the deadline the same way.
     * The other services hear of the status as of a move.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Task enterRunning(TaskRequests.NewTask request, String code, String actor, TaskRequests.Carried carried) {
        TaskStatus status = carried.status();
        Task task = enter(request, code, actor, status, status == TaskStatus.CLOSED ? carried.closedOn() : null);
        if (status == TaskStatus.SUSPENDED) {
            task.suspendedOn = carried.suspendedOn();
            task.remainingDays = TaskLifecycle.remainingDays(task.deadline, carried.suspendedOn());
            task.suspendedFrom = carried.resumesTo();
        }
        return task;
    }

    private Task enter(TaskRequests.NewTask request, String code, String actor, TaskStatus status,
            LocalDate closedOn) {
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.code = code;
        task.title = request.title().strip();
        task.description = request.description();
        task.policyAreas = distinct(request.policyAreas());
        task.origin = request.origin() != null ? request.origin() : TaskOrigin.MUNICIPAL;
        task.rigid = Boolean.TRUE.equals(request.rigid());
        task.planYear = request.planYear() != null ? request.planYear() : request.deadline().getYear();
        task.groupId = request.groupId();
        task.leadUnitId = request.leadUnitId();
        task.coLeadUnitIds = distinct(request.coLeadUnitIds());
        task.coLeadUnitIds.remove(task.leadUnitId);
        task.participatingUnitIds = distinct(request.participatingUnitIds());
        task.responsibleLeaderId = request.responsibleLeaderId();
        if (task.responsibleLeaderId == null && task.groupId != null) {
            // Kunming's chain: the responsible leader is the head of the coordinating group
            task.responsibleLeaderId = entityManager.find(SpecialGroup.class, task.groupId).headPersonId;
        }
        task.responsiblePersonId = request.responsiblePersonId();
        task.deadline = request.deadline();
        task.expectedOutcome = request.expectedOutcome();
        task.tags = distinct(request.tags());
        task.status = status;
        task.assignedOn = task.status != TaskStatus.DRAFT ? clock.today() : null;
        task.createdAt = clock.instant();
        task.createdBy = actor;
        task.updatedAt = task.createdAt;
        entityManager.persist(task);
        List<TaskRequests.NewMilestone> milestones = request.milestones() == null ? List.of() : request.milestones();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = new Milestone();
            milestone.id = UUID.randomUUID();
            milestone.taskId = task.id;
            milestone.position = i;
            milestone.name = milestones.get(i).name().strip();
            milestone.dueOn = milestones.get(i).dueOn();
            entityManager.persist(milestone);
        }
        TaskHistory created = TaskHistory.of(task, closedOn != null ? closedOn.atStartOfDay(clock.getZone()).toInstant()
                : task.createdAt, actor, TaskHistory.Action.CREATED);
        created.toStatus = task.status;
        boolean carried = status != TaskStatus.DRAFT && status != TaskStatus.ASSIGNED;
        created.reason = carried ? RUNNING_LEDGER : null;
        entityManager.persist(created);
        ledger.changed();
        outbox.record(TaskCreated.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId,
                task.deadline));
        if (carried) {
            outbox.record(TaskStatusChanged.of(task.id, task.code, task.title, task.leadUnitId,
                    TaskStatus.ASSIGNED.name(), status.name(), RUNNING_LEDGER, actor));
        }
        if (closedOn != null) {
            outbox.record(TaskClosed.of(task.id, task.code, task.title, task.leadUnitId, task.deadline, closedOn,
                    task.policyAreas));
        }
        return task;
    }

    /** The references a request makes that must exist in the directory: units, group, responsible leader. */
    List<Problem.FieldError> checkReferences(TaskRequests.NewTask request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (Unit.findById(request.leadUnitId()) == null) {
            errors.add(new Problem.FieldError("leadUnitId", "no unit with id " + request.leadUnitId()));
        }
        for (String field : List.of("coLeadUnitIds", "participatingUnitIds")) {
            List<UUID> units = distinct(field.equals("coLeadUnitIds") ? request.coLeadUnitIds()
                    : request.participatingUnitIds());
            if (!units.isEmpty() && Unit.count("id in ?1", units) != units.size()) {
                errors.add(new Problem.FieldError(field, "names a unit that does not exist"));
            }
        }
        if (request.groupId() != null && SpecialGroup.findById(request.groupId()) == null) {
            errors.add(new Problem.FieldError("groupId", "no special group with id " + request.groupId()));
        }
        if (request.responsibleLeaderId() != null) {
            Person leader = Person.findById(request.responsibleLeaderId());
            if (leader == null || leader.removedAt != null) {
                errors.add(new Problem.FieldError("responsibleLeaderId", "no person with id "
                        + request.responsibleLeaderId()));
            }
        }
        return errors;
    }

    /** Fresh task codes, {@code <prefix>-<year>-<number>}, taken in one round trip. */
    @SuppressWarnings("unchecked")
    public List<String> nextCodes(int count) {
        List<Number> numbers = entityManager.createNativeQuery(
                        "SELECT nextval('task_code_seq') FROM generate_series(1, :n)")
                .setParameter("n", count).getResultList();
        int year = clock.today().getYear();
        return numbers.stream().map(n -> "%s-%d-%05d".formatted(config.codePrefix(), year, n.longValue())).toList();
    }

    @Transactional
    public Task transition(UUID id, TaskRequests.Transition request, Caller caller) {
        Task task = load(id);
        TaskAction action = request.action();
        if (action.byLeadUnit()) {
            caller.requireActFor(task.leadUnitId, action.byGroupLiaison() ? task.groupId : null);
        } else if (!caller.hasRole(Roles.REFORM_OFFICE)) {
            throw ProblemException.forbidden("Only the reform office may " + action + " a task.");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (action.needsReason() && reason == null) {
            throw ProblemException.invalid("reason", "is required to " + action + " a task");
        }
        TaskStatus from = task.status;
        TaskStatus to;
        try {
            to = TaskLifecycle.next(from, action, task.suspendedFrom);
        } catch (TaskLifecycle.IllegalTransition e) {
            throw notNow(task, action.name());
        }
        LocalDate today = clock.today();
        switch (action) {
            case ASSIGN -> task.assignedOn = today;
            case SUSPEND -> {
                task.suspendedOn = today;
                task.remainingDays = TaskLifecycle.remainingDays(task.deadline, today);
                task.suspendedFrom = from;
            }
            case RESUME -> {
                LocalDate resumed = TaskLifecycle.resumedDeadline(task.remainingDays, today);
                if (!resumed.equals(task.deadline)) {
                    changeDeadline(task, resumed, "恢复推进：暂停于 " + task.suspendedOn + "，剩余 " + task.remainingDays
                            + " 天顺延", caller.name());
                }
                task.suspendedOn = null;
                task.remainingDays = null;
                task.suspendedFrom = null;
            }
            default -> {
            }
        }
        task.status = to;
        task.updatedAt = clock.instant();
        TaskHistory moved = TaskHistory.of(task, task.updatedAt, caller.name(), TaskHistory.Action.MOVED);
        moved.fromStatus = from;
        moved.toStatus = to;
        moved.reason = reason;
        moved.persist();
        ledger.changed();
        outbox.record(TaskStatusChanged.of(task.id, task.code, task.title, task.leadUnitId, from.name(), to.name(),
                reason, caller.name()));
        if (to == TaskStatus.CLOSED) {
            outbox.record(TaskClosed.of(task.id, task.code, task.title, task.leadUnitId, task.deadline, today,
                    task.policyAreas));
        }
        return flushed(task);
    }

    /**
     * Writes the task now, so that two people moving one task at once get a 409 for the second rather than an
     * error at commit: the version column tells.
     */
    Task flushed(Task task) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("Task changed meanwhile", "Task " + task.code
                    + " was changed by someone else at the same moment; read it again and retry.");
        }
        return task;
    }

    /**
     * An approved deadline adjustment (动态调整): timeliness and reminders restart, the old date is kept. An approved
     * extension request (延期申请) moves the deadline through here too.
     */
    @Transactional
    public Task adjustDeadline(UUID id, TaskRequests.DeadlineAdjustment request, String actor) {
        Task task = load(id);
        if (!task.status.deadlineApplies() && task.status != TaskStatus.DRAFT) {
            throw notNow(task, "change its deadline");
        }
        if (request.deadline().equals(task.deadline)) {
            throw ProblemException.invalid("deadline", "is the task's deadline already");
        }
        changeDeadline(task, request.deadline(), request.reason().strip(), actor);
        task.updatedAt = clock.instant();
        return flushed(task);
    }

    private void changeDeadline(Task task, LocalDate deadline, String reason, String actor) {
        LocalDate previous = task.deadline;
        task.deadline = deadline;
        TaskHistory changed = TaskHistory.of(task, clock.instant(), actor, TaskHistory.Action.DEADLINE_CHANGED);
        changed.previousDeadline = previous;
        changed.reason = reason;
        changed.persist();
        ledger.changed();
        outbox.record(TaskDeadlineChanged.of(task.id, task.code, task.leadUnitId, previous, deadline, reason));
    }

    @Transactional
    public Milestone addMilestone(UUID id, TaskRequests.NewMilestone request, String actor) {
        Task task = load(id);
        if (task.status == TaskStatus.CLOSED || task.status == TaskStatus.CANCELLED) {
            throw notNow(task, "get a new milestone");
        }
        String name = request.name().strip();
        if (Milestone.count("taskId = ?1 and name = ?2", id, name) > 0) {
            throw ProblemException.conflict("Milestone exists", "Task " + task.code + " has a milestone named " + name + ".");
        }
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.taskId = id;
        milestone.position = (int) Milestone.count("taskId", id);
        milestone.name = name;
        milestone.dueOn = request.dueOn();
        milestone.persist();
        TaskHistory added = TaskHistory.of(task, clock.instant(), actor, TaskHistory.Action.MILESTONE_ADDED);
        added.reason = name + " " + request.dueOn();
        added.persist();
        ledger.changed();
        return milestone;
    }

    @Transactional
    public Task markMilestone(UUID id, UUID milestoneId, boolean done, Caller caller) {
        Task task = load(id);
        caller.requireActFor(task.leadUnitId);
        Milestone milestone = Milestone.<Milestone>find("id = ?1 and taskId = ?2", milestoneId, id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Milestone", milestoneId));
        if (done != (milestone.doneOn != null)) {
            milestone.doneOn = done ? clock.today() : null;
            TaskHistory entry = TaskHistory.of(task, clock.instant(), caller.name(),
                    done ? TaskHistory.Action.MILESTONE_DONE : TaskHistory.Action.MILESTONE_REOPENED);
            entry.reason = milestone.name;
            entry.persist();
        }
        return task;
    }

    private static ProblemException notNow(Task task, String what) {
        return ProblemException.conflict("Not allowed while " + task.status,
                "Task " + task.code + " is " + task.status + "; it cannot " + what + " now.");
    }

    private Task load(UUID id) {
        return Task.<Task>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Task", id));
    }

    /** A task the caller may read: every unit's for the office and leaders, their own units' for a unit officer. */
    public Task readable(UUID id, Caller caller) {
        Task task = load(id);
        if (!caller.readsAllUnits() && caller.unit().filter(task.involvedUnits()::contains).isEmpty()) {
            throw ProblemException.forbidden("Your role and unit do not cover task " + task.code + ".");
        }
        return task;
    }

    public Optional<Task> find(UUID id) {
        return Task.findByIdOptional(id);
    }

    public List<TaskHistory> history(UUID id) {
        return TaskHistory.list("taskId = ?1 order by at, id", id);
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(values));
    }
}
