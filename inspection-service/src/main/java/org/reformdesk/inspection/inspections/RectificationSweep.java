package org.reformdesk.inspection.inspections;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.RectificationDueSoon;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds rectification items past their deadline without a verified rectification and emits
 * {@code reform.supervision.rectification-overdue.v1} once per (item, deadline), and items still being rectified
 * that fall due within a reminder offset, emitting {@code reform.supervision.rectification-due-soon.v1} once per
 * (item, deadline, offset). The signal row and the outbox row are written in one transaction and the signal's
 * primary key decides who emits, so a second run or a second replica emits nothing; a reopened item with a new
 * deadline is a new occasion.
 */
@ApplicationScoped
public class RectificationSweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int overdue, int dueSoon) {
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
        if (result.overdue() + result.dueSoon() > 0) {
            LOG.infof("Rectification sweep for %s: %d item(s) went overdue, %d reminded before their deadline",
                    result.today(), result.overdue(), result.dueSoon());
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        int overdue = batches(() -> signal(today));
        int dueSoon = 0;
        for (ReminderOffsets.Band band : config.offsets().bands()) {
            dueSoon += batches(() -> signalDueSoon(today, band));
        }
        return new Result(today, overdue, dueSoon);
    }

    /** Runs batches, each in its own transaction, until one comes back short; returns what they signalled. */
    private int batches(Supplier<Integer> batch) {
        int total = 0;
        int signalled;
        do {
            signalled = QuarkusTransaction.requiringNew().call(batch::get);
            total += signalled;
        } while (signalled == config.batchSize());
        return total;
    }

    /**
     * Items still being rectified (a reported rectification waits for re-inspection, not for the unit) whose
     * deadline is within {@code band}'s days, not signalled at that offset before.
     */
    private int signalDueSoon(LocalDate today, ReminderOffsets.Band band) {
        @SuppressWarnings("unchecked")
        List<UUID> signalled = entityManager.createNativeQuery("""
                        INSERT INTO rectification_due_signal (item_id, due_on, offset_days, signalled_at)
                        SELECT i.id, i.due_on, :offset, :now FROM rectification_item i
                        WHERE i.state = 'RECTIFYING' AND i.due_on BETWEEN :from AND :to
                          AND NOT EXISTS (SELECT 1 FROM rectification_due_signal s WHERE s.item_id = i.id
                                          AND s.due_on = i.due_on AND s.offset_days = :offset)
                        ORDER BY i.due_on
                        LIMIT :batch
                        ON CONFLICT DO NOTHING
                        RETURNING item_id""", UUID.class)
                .setParameter("offset", band.offset())
                .setParameter("now", clock.instant())
                .setParameter("from", today.plusDays(band.fromDaysLeft()))
                .setParameter("to", today.plusDays(band.toDaysLeft()))
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (signalled.isEmpty()) {
            return 0;
        }
        outbox.recordAll(RectificationItem.<RectificationItem>list("id in ?1", signalled).stream()
                .map(item -> RectificationDueSoon.of(item.id, item.findingId, item.unitId, item.description,
                        item.dueOn, (int) ChronoUnit.DAYS.between(today, item.dueOn), item.responsiblePersonId))
                .toList());
        return signalled.size();
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
