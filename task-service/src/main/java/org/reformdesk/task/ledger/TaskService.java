package org.reformdesk.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.TaskCreated;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.directory.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Enters tasks into the ledger and answers the ledger's questions. */
@ApplicationScoped
public class TaskService {

    /** What a ledger query can filter on; null fields do not filter. */
    public record LedgerFilter(TaskStatus status, Timeliness timeliness, UUID leadUnit) {
    }

    /** The statuses in which a deadline applies (see {@link TaskStatus#deadlineApplies()}). */
    static final List<TaskStatus> OPEN = Arrays.stream(TaskStatus.values()).filter(TaskStatus::deadlineApplies).toList();

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

    @Transactional
    public Task create(TaskResource.NewTask request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/tasks", request, () -> {
            if (Unit.findById(request.leadUnitId()) == null) {
                throw ProblemException.invalid("leadUnitId", "no unit with id " + request.leadUnitId());
            }
            String code = request.code() != null ? request.code() : nextCode();
            if (Task.count("code", code) > 0) {
                throw ProblemException.conflict("Task code taken", "A task with code " + code + " exists.");
            }
            Task task = new Task();
            task.id = UUID.randomUUID();
            task.code = code;
            task.title = request.title();
            task.leadUnitId = request.leadUnitId();
            task.responsiblePersonId = request.responsiblePersonId();
            task.deadline = request.deadline();
            task.status = TaskStatus.ASSIGNED;
            task.createdAt = clock.instant();
            task.createdBy = actor;
            task.persist();
            outbox.record(TaskCreated.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId,
                    task.deadline));
            return task.id;
        });
        return Task.findById(id);
    }

    public Optional<Task> find(UUID id) {
        return Task.findByIdOptional(id);
    }

    public Timeliness timeliness(Task task) {
        return Timeliness.of(task.status, task.deadline, clock.today(), config.dueSoonDays());
    }

    public Page<Task> list(LedgerFilter filter, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.leadUnit() != null) {
            where.add("leadUnitId = :leadUnit");
            params.put("leadUnit", filter.leadUnit());
        }
        if (filter.timeliness() != null) {
            LocalDate today = clock.today();
            params.put("open", OPEN);
            switch (filter.timeliness()) {
                case OVERDUE -> {
                    where.add("status in :open and deadline < :today");
                    params.put("today", today);
                }
                case DUE_SOON -> {
                    where.add("status in :open and deadline >= :today and deadline <= :soon");
                    params.put("today", today);
                    params.put("soon", today.plusDays(config.dueSoonDays()));
                }
                case ON_TRACK -> {
                    where.add("(status not in :open or deadline > :soon)");
                    params.put("soon", today.plusDays(config.dueSoonDays()));
                }
            }
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by deadline, code";
        var found = Task.<Task>find(query, params);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    private String nextCode() {
        Number next = (Number) entityManager.createNativeQuery("SELECT nextval('task_code_seq')").getSingleResult();
        return "T-%d-%05d".formatted(clock.today().getYear(), next.longValue());
    }
}
