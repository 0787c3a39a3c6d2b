package org.reformdesk.task.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskCreated;
import org.reformdesk.events.TaskDeadlineChanged;
import org.reformdesk.events.TaskStatusChanged;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.deadline.DeadlineConfig;
import org.reformdesk.task.directory.Person;
import org.reformdesk.task.directory.SpecialGroup;
import org.reformdesk.task.directory.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Enters tasks into the ledger, moves them along their lifecycle and answers the ledger's questions. */
@ApplicationScoped
public class TaskService {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Inject
    LedgerConfig config;

    @Inject
    DeadlineConfig deadlines;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Totals and summaries; see {@link RecentResults} for how long one is reused. */
    private RecentResults counts;

    @PostConstruct
    void countRecently() {
        counts = new RecentResults(config.countsMaxAge(), System::nanoTime);
    }

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
        task.status = request.status() != null ? request.status() : TaskStatus.ASSIGNED;
        task.assignedOn = task.status == TaskStatus.ASSIGNED ? clock.today() : null;
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
        TaskHistory created = TaskHistory.of(task, task.createdAt, actor, TaskHistory.Action.CREATED);
        created.toStatus = task.status;
        entityManager.persist(created);
        ledgerChanged();
        outbox.record(TaskCreated.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId,
                task.deadline));
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
        ledgerChanged();
        outbox.record(TaskStatusChanged.of(task.id, task.code, task.title, task.leadUnitId, from.name(), to.name(),
                reason, caller.name()));
        if (to == TaskStatus.CLOSED) {
            outbox.record(TaskClosed.of(task.id, task.code, task.title, task.leadUnitId, task.deadline, today));
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
        ledgerChanged();
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
        ledgerChanged();
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

    /**
     * The counts change with this transaction: forget them now and again at its end, so a count computed while
     * it was open, without its rows, is not reused either.
     */
    void ledgerChanged() {
        counts.changed();
        if (transactions.getResource(RecentResults.class) == null) {
            transactions.putResource(RecentResults.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    counts.changed();
                }
            });
        }
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

    public int dueSoonDays() {
        return deadlines.offsets().window();
    }

    public Timeliness timeliness(Task task) {
        return Timeliness.of(task.status, task.deadline, clock.today(), dueSoonDays());
    }

    public TaskView view(Task task) {
        return TaskView.of(task, Milestone.list("taskId = ?1 order by position", task.id), timeliness(task));
    }

    /** Views of many tasks with their milestones in one query, in the given order. */
    public List<TaskView> views(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Milestone>> milestones = Milestone.<Milestone>find("taskId in ?1 order by position",
                        tasks.stream().map(t -> t.id).toList()).withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .collect(Collectors.groupingBy(m -> m.taskId));
        return tasks.stream().map(t -> TaskView.of(t, milestones.getOrDefault(t.id, List.of()), timeliness(t))).toList();
    }

    @SuppressWarnings("unchecked")
    public Page<Task> list(LedgerFilter filter, String sort, PageRequest paging) {
        LedgerQuery query = new LedgerQuery(filter, clock.today(), dueSoonDays());
        String order = LedgerQuery.orderBy(sort);
        long total = counts.get(List.of("total", query.where, Map.copyOf(query.params)), () -> ((Number) query
                .create(entityManager, "SELECT count(*) FROM task t WHERE " + query.where).getSingleResult()).longValue());
        // the page's rows in one statement; read-only: they are shown, not changed, so Hibernate keeps no copies
        List<Task> tasks = query.create(entityManager, "SELECT t.* FROM task t WHERE " + query.where + " ORDER BY "
                        + order + " LIMIT " + paging.size + " OFFSET " + ((long) paging.page * paging.size), Task.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        return new Page<>(tasks, paging.page, paging.size, total);
    }

    /**
     * Counts for dashboards (作战图): by status, timeliness, policy area, year and lead unit. A task counts once in
     * each area it belongs to and once in each year its deadline or a milestone falls due, so those columns can add
     * up to more than {@code total}, the distinct tasks.
     */
    @SuppressWarnings("unchecked")
    public LedgerSummary summary(LedgerFilter filter) {
        LocalDate today = clock.today();
        LedgerQuery query = new LedgerQuery(filter, today, dueSoonDays());
        return counts.get(List.of("summary", query.where, Map.copyOf(query.params), today), () -> summary(query, today));
    }

    @SuppressWarnings("unchecked")
    private LedgerSummary summary(LedgerQuery query, LocalDate today) {
        String timeliness = query.timelinessCase(today, dueSoonDays());
        String from = " FROM task t WHERE " + query.where;
        // one pass for the total and the counts by status, timeliness and lead unit
        List<Object[]> sets = query.create(entityManager, """
                SELECT x.status, x.light, x.unit, count(*), count(*) FILTER (WHERE x.light = 'OVERDUE'),
                       count(*) FILTER (WHERE x.status = 'CLOSED'), GROUPING(x.status, x.light, x.unit)
                FROM (SELECT t.status AS status, %s AS light, t.lead_unit_id AS unit%s) x
                GROUP BY GROUPING SETS ((x.status), (x.light), (x.unit), ())""".formatted(timeliness, from))
                .getResultList();
        long total = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byTimeliness = new TreeMap<>();
        Map<UUID, long[]> byUnit = new HashMap<>();
        for (Object[] row : sets) {
            long count = ((Number) row[3]).longValue();
            switch (((Number) row[6]).intValue()) {
                case 0b011 -> byStatus.put((String) row[0], count);
                case 0b101 -> byTimeliness.put((String) row[1], count);
                case 0b110 -> byUnit.put((UUID) row[2], new long[] {count, ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue()});
                default -> total = count;
            }
        }
        Map<String, Long> byArea = counts(query.create(entityManager,
                "SELECT a.area, count(*)" + from.replace(" FROM task t", " FROM task t CROSS JOIN unnest(t.policy_areas) AS a(area)")
                        + " GROUP BY 1 ORDER BY 1").getResultList());
        Map<String, Long> byYear = counts(query.create(entityManager,
                "SELECT CAST(y.year AS text), count(DISTINCT y.id) FROM (SELECT t.id, CAST(extract(year FROM t.deadline) AS int) AS year"
                        + from + " UNION SELECT t.id, CAST(extract(year FROM m.due_on) AS int)"
                        + from.replace(" FROM task t", " FROM task t JOIN task_milestone m ON m.task_id = t.id")
                        + ") y GROUP BY y.year ORDER BY y.year").getResultList());
        Map<UUID, Unit> units = byUnit.isEmpty() ? Map.of() : Unit.<Unit>list("id in ?1", List.copyOf(byUnit.keySet()))
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        List<LedgerSummary.UnitCount> byLeadUnit = byUnit.entrySet().stream()
                .map(e -> new LedgerSummary.UnitCount(e.getKey(), units.containsKey(e.getKey()) ? units.get(e.getKey()).code : null,
                        units.containsKey(e.getKey()) ? units.get(e.getKey()).name : null, e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(java.util.Comparator.comparing(LedgerSummary.UnitCount::code,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
        return new LedgerSummary(total, byStatus, byTimeliness, byArea, byYear, byLeadUnit, clock.instant());
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> byValue = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byValue.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return byValue;
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(values));
    }
}
