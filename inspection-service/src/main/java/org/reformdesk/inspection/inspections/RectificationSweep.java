package org.reformdesk.inspection.inspections;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Finds rectification items past their deadline without a verified rectification and emits
 * {@code reform.supervision.rectification-overdue.v1} once per (item, deadline). The signal row and the outbox
 * row are written in one transaction and the signal's primary key decides who emits, so a second run or a
 * second replica emits nothing; a reopened item with a new deadline is a new occasion.
 */
@ApplicationScoped
public class RectificationSweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int overdue) {
    }

    private static final Logger LOG = Logger.getLogger(RectificationSweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    RectificationConfig config;

    @Scheduled(every = "${reform.rectification.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result result = sweep();
        if (result.overdue() > 0) {
            LOG.infof("Rectification sweep for %s: %d item(s) went overdue", result.today(), result.overdue());
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> signal(today));
            total += batch;
        } while (batch == config.batchSize());
        return new Result(today, total);
    }

    private int signal(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<UUID> signalled = entityManager.createNativeQuery("""
                        INSERT INTO rectification_signal (item_id, due_on, signalled_at)
                        SELECT i.id, i.due_on, :now FROM rectification_item i
                        WHERE i.state <> 'VERIFIED' AND i.due_on < :today
                          AND NOT EXISTS (SELECT 1 FROM rectification_signal s
                                          WHERE s.item_id = i.id AND s.due_on = i.due_on)
                        ORDER BY i.due_on
                        LIMIT :batch
                        ON CONFLICT DO NOTHING
                        RETURNING item_id""", UUID.class)
                .setParameter("now", clock.instant())
                .setParameter("today", today)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (signalled.isEmpty()) {
            return 0;
        }
        outbox.recordAll(RectificationItem.<RectificationItem>list("id in ?1", signalled).stream()
                .map(item -> RectificationOverdue.of(item.id, item.findingId, item.unitId, item.description,
                        item.dueOn, item.responsiblePersonId))
                .toList());
        return signalled.size();
    }
}
