package org.reformdesk.inspection.orders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the escalation sweep climbs 10,000 overdue orders one rung (each: old order superseded, new order
 * issued, two history rows, OrderIssued and OrderEscalated in the outbox). Runs only with {@code -Pbenchmark}.
 */
@QuarkusTest
class EscalationBenchmark {

    private static final int ORDERS = 10_000;

    @Inject
    ServiceClock clock;

    @Inject
    EscalationSweep sweep;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void tenThousandOverdueOrdersEscalateInOneSweep() {
        UUID unit = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO supervision_order (id, rung, kind, origin, subject_type, subject_id, subject_title,
                            target_unit_id, state, issued_on, reply_by, reason, ladder_days, day_count, issued_at,
                            issued_by)
                        SELECT gen_random_uuid(), 'REMINDER_NOTICE', 'ROUTINE', 'TASK_OVERDUE', 'TASK',
                               gen_random_uuid(), 'KM-2028-' || lpad(n::text, 5, '0') || ' 基准任务', :unit, 'ISSUED',
                               DATE '2028-01-03', DATE '2028-01-10', '任务逾期未完成', '5,5,3,3', 'WORKING', now(),
                               'benchmark'
                        FROM generate_series(1, :orders) AS n""")
                .setParameter("unit", unit).setParameter("orders", ORDERS).executeUpdate());
        clock.moveTo(LocalDate.of(2028, 1, 20).atTime(1, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        EscalationSweep.Result result = sweep.sweep();
        EscalationSweep.Result again = sweep.sweep();

        System.out.printf("escalation benchmark: %d orders escalated in %d ms = %.0f orders/s "
                        + "(batch size %s); a second sweep found %d in %d ms%n", result.escalated(), result.millis(),
                result.escalated() * 1000.0 / Math.max(1, result.millis()),
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("reform.ladder.batch-size",
                        String.class), again.escalated(), again.millis());
        assertThat(result.escalated()).isGreaterThanOrEqualTo(ORDERS);
        assertThat(again.escalated()).isZero();
    }
}
