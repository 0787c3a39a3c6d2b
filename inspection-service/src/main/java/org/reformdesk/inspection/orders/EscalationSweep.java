package org.reformdesk.inspection.orders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.reformdesk.inspection.calendar.CalendarService;
import org.reformdesk.inspection.calendar.WorkingCalendar;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.sweep.Sweep;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The clock drives the ladder: every open order whose reply-by date has passed without an accepted answer
 * escalates one rung (the old order superseded, the new one issued today with its own reply-by date); an order
 * on the top rung cannot escalate and is marked due for accountability instead, once.
 * <p>
 * Safe across replicas: each batch locks its orders with {@code FOR UPDATE SKIP LOCKED}, so two sweeps running
 * at once take disjoint batches, and an order it escalated is no longer open when the next batch is chosen.
 */
@ApplicationScoped
public class EscalationSweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int escalated, int accountabilityDue, long millis) {
    }

    private static final Logger LOG = Logger.getLogger(EscalationSweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    OrderService orders;

    @Inject
    Outbox outbox;

    @Inject
    CalendarService calendars;

    @Inject
    ServiceClock clock;

    @Inject
    LadderConfig config;

    @Scheduled(every = "${reform.ladder.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result result = sweep();
        if (result.escalated() + result.accountabilityDue() > 0) {
            LOG.infof("Escalation sweep for %s: %d order(s) escalated, %d top-rung order(s) due for accountability "
                    + "in %d ms", result.today(), result.escalated(), result.accountabilityDue(), result.millis());
        }
    }

    public Result sweep() {
        long started = System.nanoTime();
        LocalDate today = clock.today();
        WorkingCalendar calendar = QuarkusTransaction.requiringNew().call(calendars::calendar);
        // no key to follow: an order a page escalated or marked is no longer due when the next page is chosen
        Sweep.Swept swept = Sweep.<Void>inPages(null, config.batchSize(), ignored -> escalateBatch(today, calendar));
        // every due order either escalates, announced, or is on the top rung and falls due for accountability
        return new Result(today, swept.emitted(), swept.candidates() - swept.emitted(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One batch, written set-wise: the superseded orders' history and state in two statements, the new orders in
     * one JDBC batch, their history in one statement; the outbox rows in one more.
     */
    private Sweep.Page<Void> escalateBatch(LocalDate today, WorkingCalendar calendar) {
        @SuppressWarnings("unchecked")
        List<SupervisionOrder> due = entityManager.createNativeQuery("""
                        SELECT * FROM supervision_order
                        WHERE state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED') AND reply_by < :today
                          AND accountability_due_on IS NULL
                        ORDER BY reply_by, id
                        LIMIT :batch
                        FOR UPDATE SKIP LOCKED""", SupervisionOrder.class)
                .setParameter("today", today)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (due.isEmpty()) {
            return new Sweep.Page<>(0, 0, null);
        }
        // Read-only from here: every change below is written by statement, not by dirty checking.
        entityManager.clear();
        List<UUID> top = new ArrayList<>();
        List<UUID> lower = new ArrayList<>();
        List<SupervisionOrder> next = new ArrayList<>();
        for (SupervisionOrder order : due) {
            if (order.ladder().isTop(order.rung)) {
                top.add(order.id);
            } else {
                lower.add(order.id);
                next.add(orders.nextRung(order, today, calendar, OrderService.SYSTEM));
            }
        }
        if (!top.isEmpty()) {
            entityManager.createNativeQuery("UPDATE supervision_order SET accountability_due_on = :today WHERE id IN (:ids)")
                    .setParameter("today", today).setParameter("ids", top).executeUpdate();
        }
        if (!lower.isEmpty()) {
            entityManager.createNativeQuery("""
                            INSERT INTO order_transition (id, order_id, from_state, to_state, action, actor, at, reason)
                            SELECT gen_random_uuid(), id, state, 'SUPERSEDED', 'SUPERSEDE', :actor, :now, :why
                            FROM supervision_order WHERE id IN (:ids)""")
                    .setParameter("actor", OrderService.SYSTEM).setParameter("now", clock.instant())
                    .setParameter("why", "答复期限已过，未获认可答复").setParameter("ids", lower).executeUpdate();
            entityManager.createNativeQuery("UPDATE supervision_order SET state = 'SUPERSEDED' WHERE id IN (:ids)")
                    .setParameter("ids", lower).executeUpdate();
            insert(next);
            entityManager.createNativeQuery("""
                            INSERT INTO order_transition (id, order_id, from_state, to_state, action, actor, at, reason)
                            SELECT gen_random_uuid(), id, NULL, 'ISSUED', 'ISSUE', issued_by, issued_at, reason
                            FROM supervision_order WHERE id IN (:ids)""")
                    .setParameter("ids", next.stream().map(order -> order.id).toList()).executeUpdate();
            outbox.recordAll(next.stream().flatMap(order -> orders.announcements(order).stream()).toList());
        }
        return new Sweep.Page<>(due.size(), lower.size(), null);
    }

    private void insert(List<SupervisionOrder> created) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO supervision_order (id, rung, kind, origin, subject_type, subject_id, subject_title,
                        target_unit_id, responsible_leader_id, state, issued_on, reply_by, ladder_days, day_count,
                        reason, basis, supersedes, issued_at, issued_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (SupervisionOrder order : created) {
                    insert.setObject(1, order.id);
                    insert.setString(2, order.rung.name());
                    insert.setString(3, order.kind.name());
                    insert.setString(4, order.origin.name());
                    insert.setString(5, order.subjectType);
                    insert.setObject(6, order.subjectId);
                    insert.setString(7, order.subjectTitle);
                    insert.setObject(8, order.targetUnitId);
                    insert.setObject(9, order.responsibleLeaderId);
                    insert.setString(10, order.state.name());
                    insert.setObject(11, order.issuedOn);
                    insert.setObject(12, order.replyBy);
                    insert.setString(13, order.ladderDays);
                    insert.setString(14, order.dayCount.name());
                    insert.setString(15, order.reason);
                    insert.setString(16, order.basis);
                    insert.setObject(17, order.supersedes);
                    insert.setObject(18, OffsetDateTime.ofInstant(order.issuedAt, ZoneOffset.UTC));
                    insert.setString(19, order.issuedBy);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
