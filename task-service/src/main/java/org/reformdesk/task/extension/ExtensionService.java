package org.reformdesk.task.extension;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.ExtensionRequested;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.ledger.Task;
import org.reformdesk.task.ledger.TaskHistory;
import org.reformdesk.task.ledger.TaskRequests;
import org.reformdesk.task.ledger.TaskService;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Extension requests (延期申请): the lead unit (or its special group's liaison) asks before the deadline passes, the
 * reform office approves or rejects with a comment, and an approval moves the deadline through the ordinary
 * deadline adjustment, so the history keeps the old date and timeliness and reminders restart from the new one.
 * A pending request does not stop reminders of the current deadline.
 */
@ApplicationScoped
class ExtensionService {

    /** What the queue can filter on; null fields do not filter. {@code unit} is the task's lead unit. */
    public record ExtensionFilter(ExtensionState state, UUID unit, UUID group, UUID task) {
    }

    @Inject
    TaskService tasks;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Inject
    EntityManager entityManager;

    @Transactional
    public ExtensionRequest request(UUID taskId, ExtensionRequests.NewRequest body, Caller caller,
            String idempotencyKey) {
        Task task = Task.<Task>findByIdOptional(taskId).orElseThrow(() -> ProblemException.notFound("Task", taskId));
        caller.requireActFor(task.leadUnitId, task.groupId);
        UUID id = idempotencyKeys.once(idempotencyKey, caller.name() + " POST /api/v1/tasks/" + taskId
                + "/extension-requests", body, () -> {
                    pending(taskId).ifPresent(waiting -> {
                        throw ProblemException.conflict("Extension request pending", "Task " + task.code
                                + " has a request waiting for the reform office's decision (" + waiting.id + ", for "
                                + waiting.requestedDeadline + "); there is at most one at a time.");
                    });
                    ExtensionRules.checkRequest(task.code, task.status, task.deadline, clock.today(),
                            body.requestedDeadline());
                    ExtensionRequest request = new ExtensionRequest();
                    request.id = UUID.randomUUID();
                    request.taskId = taskId;
                    request.state = ExtensionState.PENDING;
                    request.deadline = task.deadline;
                    request.requestedDeadline = body.requestedDeadline();
                    request.reason = body.reason().strip();
                    request.requestedAt = clock.instant();
                    request.requestedBy = caller.name();
                    request.requesterPersonId = caller.person().orElse(null);
                    request.persist();
                    history(task, TaskHistory.Action.EXTENSION_REQUESTED, caller.name(), request.deadline,
                            request.requestedDeadline, request.reason);
                    outbox.record(ExtensionRequested.of(request.id, task.id, task.code, task.title, task.leadUnitId,
                            task.groupId, task.responsiblePersonId, task.deadline, request.requestedDeadline,
                            request.reason, request.requestedBy, request.requesterPersonId));
                    try {
                        entityManager.flush();
                    } catch (PersistenceException twoAtOnce) {
                        // the index of one pending request per task caught a request made at the same moment
                        throw ProblemException.conflict("Extension request pending", "Task " + task.code
                                + " got another extension request at the same moment; read its requests again.");
                    }
                    return request.id;
                });
        return ExtensionRequest.findById(id);
    }

    /**
     * Decides a pending request. An approval moves the task's deadline (its own history entry, then the adjustment's
     * DEADLINE_CHANGED); a rejection leaves it. Either way the requester hears of it through
     * {@code reform.task.extension-decided.v1}.
     */
    @Transactional
    public ExtensionRequest decide(UUID requestId, ExtensionRequests.Decision body, String actor,
            String idempotencyKey) {
        idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/extension-requests/" + requestId + "/decision",
                body, () -> {
                    ExtensionRequest request = ExtensionRequest.<ExtensionRequest>findByIdOptional(requestId,
                            LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound(
                            "Extension request", requestId));
                    if (request.state != ExtensionState.PENDING) {
                        throw ProblemException.conflict("Already decided", "Extension request " + requestId
                                + " was " + request.state + " by " + request.decidedBy + " at " + request.decidedAt
                                + ".");
                    }
                    Task task = Task.findById(request.taskId);
                    LocalDate previous = task.deadline;
                    String comment = body.comment().strip();
                    if (body.decision() == ExtensionRequests.Outcome.APPROVED) {
                        LocalDate granted = ExtensionRules.approvedDeadline(body.deadline(), request.requestedDeadline,
                                previous, clock.today());
                        history(task, TaskHistory.Action.EXTENSION_APPROVED, actor, previous, granted, comment);
                        tasks.adjustDeadline(task.id, new TaskRequests.DeadlineAdjustment(granted,
                                "延期申请已批准：" + comment), actor);
                        request.state = ExtensionState.APPROVED;
                        request.approvedDeadline = granted;
                    } else {
                        history(task, TaskHistory.Action.EXTENSION_REJECTED, actor, previous,
                                request.requestedDeadline, comment);
                        request.state = ExtensionState.REJECTED;
                    }
                    request.decidedAt = clock.instant();
                    request.decidedBy = actor;
                    request.comment = comment;
                    outbox.record(ExtensionDecided.of(request.id, task.id, task.code, task.title, task.leadUnitId,
                            task.responsiblePersonId, request.requesterPersonId, previous, request.requestedDeadline,
                            request.state.name(), request.approvedDeadline, comment, actor));
                    return request.id;
                });
        return ExtensionRequest.findById(requestId);
    }

    /** A request the caller may read: one about a task they may read. */
    public ExtensionRequest readable(UUID requestId, Caller caller) {
        ExtensionRequest request = ExtensionRequest.<ExtensionRequest>findByIdOptional(requestId)
                .orElseThrow(() -> ProblemException.notFound("Extension request", requestId));
        tasks.readable(request.taskId, caller);
        return request;
    }

    /** The task's requests, newest first. */
    public List<ExtensionRequest> ofTask(UUID taskId) {
        return ExtensionRequest.list("taskId = ?1 order by requestedAt desc, id", taskId);
    }

    /** The queue: oldest first, so the office decides in the order requests came. */
    public Page<ExtensionRequest> list(ExtensionFilter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            where.append(" and r.state = :state");
            params.put("state", filter.state());
        }
        if (filter.task() != null) {
            where.append(" and r.taskId = :task");
            params.put("task", filter.task());
        }
        if (filter.unit() != null || filter.group() != null) {
            where.append(" and r.taskId in (select t.id from Task t where ")
                    .append(filter.unit() != null ? "t.leadUnitId = :unit" : "1 = 1")
                    .append(filter.group() != null ? " and t.groupId = :group" : "").append(")");
            if (filter.unit() != null) {
                params.put("unit", filter.unit());
            }
            if (filter.group() != null) {
                params.put("group", filter.group());
            }
        }
        var query = ExtensionRequest.<ExtensionRequest>find("from ExtensionRequest r where " + where
                + " order by r.requestedAt, r.id", params);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }

    /** Views of requests, with their tasks read in one query. */
    public List<ExtensionView> views(List<ExtensionRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<UUID, Task> byId = Task.<Task>list("id in ?1", requests.stream().map(r -> r.taskId).distinct().toList())
                .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return requests.stream().map(r -> ExtensionView.of(r, byId.get(r.taskId))).toList();
    }

    public ExtensionView view(ExtensionRequest request) {
        return views(List.of(request)).get(0);
    }

    private Optional<ExtensionRequest> pending(UUID taskId) {
        return ExtensionRequest.find("taskId = ?1 and state = ?2", taskId, ExtensionState.PENDING)
                .firstResultOptional();
    }

    private void history(Task task, TaskHistory.Action action, String actor, LocalDate from, LocalDate to,
            String reason) {
        TaskHistory entry = TaskHistory.of(task, clock.instant(), actor, action);
        entry.field = "deadline";
        entry.previousDeadline = from;
        entry.oldValue = from.toString();
        entry.newValue = to.toString();
        entry.reason = reason;
        entry.persist();
    }
}
