package org.reformdesk.task.deadline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.ledger.Task;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Finds open tasks that passed their deadline and emits {@code reform.task.overdue.v1} once per (task,
 * deadline). The signal row and the outbox row are written in one transaction and the signal's primary key
 * decides who emits: a second run, or a second replica sweeping at the same moment, inserts nothing and so
 * emits nothing.
 */
@ApplicationScoped
public class DeadlineSweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int overdue) {
    }

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    DeadlineConfig config;

    @Scheduled(every = "${reform.deadline.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result result = sweep();
        if (result.overdue() > 0) {
            LOG.infof("Deadline sweep for %s: %d task(s) went overdue", result.today(), result.overdue());
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> markOverdue(today));
            total += batch;
        } while (batch == config.batchSize());
        return new Result(today, total);
    }

    private int markOverdue(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<UUID> signalled = entityManager.createNativeQuery("""
                        INSERT INTO deadline_signal (task_id, kind, deadline, offset_days, signalled_at)
                        SELECT t.id, 'OVERDUE', t.deadline, 0, :now FROM task t
                        WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS', 'CLOSE_REQUESTED') AND t.deadline < :today
                          AND NOT EXISTS (SELECT 1 FROM deadline_signal s WHERE s.task_id = t.id
                                          AND s.kind = 'OVERDUE' AND s.deadline = t.deadline AND s.offset_days = 0)
                        ORDER BY t.deadline
                        LIMIT :batch
                        ON CONFLICT DO NOTHING
                        RETURNING task_id""", UUID.class)
                .setParameter("now", clock.instant())
                .setParameter("today", today)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (signalled.isEmpty()) {
            return 0;
        }
        for (Task task : Task.<Task>list("id in ?1", signalled)) {
            outbox.record(TaskOverdue.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId,
                    task.deadline));
        }
        return signalled.size();
    }
}
