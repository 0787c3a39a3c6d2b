package org.reformdesk.inspection.orders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.inspection.calendar.CalendarService;
import org.reformdesk.inspection.calendar.WorkingCalendar;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
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

    private record Batch(int escalated, int accountabilityDue) {
        int size() {
            return escalated + accountabilityDue;
        }
    }

    private static final Logger LOG = Logger.getLogger(EscalationSweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    OrderService orders;

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
        int escalated = 0;
        int accountabilityDue = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> escalateBatch(today, calendar));
            escalated += batch.escalated();
            accountabilityDue += batch.accountabilityDue();
        } while (batch.size() == config.batchSize());
        return new Result(today, escalated, accountabilityDue, (System.nanoTime() - started) / 1_000_000);
    }

    private Batch escalateBatch(LocalDate today, WorkingCalendar calendar) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM supervision_order
                        WHERE state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED') AND reply_by < :today
                          AND accountability_due_on IS NULL
                        ORDER BY reply_by, id
                        LIMIT :batch
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("today", today)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        List<SupervisionOrder> lower = new ArrayList<>();
        int top = 0;
        for (SupervisionOrder order : SupervisionOrder.<SupervisionOrder>list("id in ?1", due)) {
            if (order.ladder().isTop(order.rung)) {
                order.accountabilityDueOn = today;
                top++;
            } else {
                lower.add(order);
            }
        }
        orders.supersede(lower, "答复期限已过，未获认可答复", OrderService.SYSTEM);
        for (SupervisionOrder order : lower) {
            orders.escalated(order, today, calendar, OrderService.SYSTEM);
        }
        return new Batch(lower.size(), top);
    }
}
