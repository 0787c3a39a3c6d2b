package org.reformdesk.notification.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.notification.me.InboxStream;
import org.reformdesk.notification.reminders.ReminderView;
import org.reformdesk.testing.EventSender;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders per second through the pipeline (Kafka → idempotent consumer → rules → template → inbox row with
 * its outbox event), and the latency from sending TaskOverdue to the reminder being in the inbox. A burst of
 * events is sent back to back, each for a different responsible person, so latency includes queueing behind
 * the burst. Run with {@code ./mvnw -pl notification-service -am verify -Pbenchmark}.
 */
@QuarkusTest
@TestProfile(InboxThroughputBenchmark.InboxOnly.class)
class InboxThroughputBenchmark {

    /** The inbox channel alone, so the figure is the pipeline's and not an SMS gateway's. */
    public static class InboxOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reform.reminders.kinds.TASK_OVERDUE.channels", "INBOX",
                    "reform.reminders.kinds.TASK_OVERDUE.recipients", "RESPONSIBLE_PERSON");
        }
    }

    private static final int WARM_UP = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    InboxStream stream;

    @Test
    void remindersPerSecondAndLatencyFromEventToInbox() {
        int count = Integer.getInteger("benchmark.reminders", 3000);
        try (EventSender sender = EventSender.onTestBroker()) {
            run(sender, WARM_UP);
            Result result = run(sender, count);
            System.out.printf("BENCHMARK notification-service: burst of %d reminders, %.0f reminders/s, "
                            + "event to inbox p50 %d ms, p99 %d ms, max %d ms%n", count, result.perSecond(),
                    result.p50(), result.p99(), result.max());
            Result single = oneAtATime(sender, Integer.getInteger("benchmark.single", 200));
            System.out.printf("BENCHMARK notification-service: one event at a time, event to live stream "
                    + "p50 %d ms, p99 %d ms, max %d ms%n", single.p50(), single.p99(), single.max());
            assertThat(result.perSecond()).isPositive();
        }
    }

    record Result(double perSecond, long p50, long p99, long max) {
    }

    /** Latency without a queue: each event is sent once the previous reminder reached the live stream. */
    private Result oneAtATime(EventSender sender, int count) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID person = UUID.randomUUID();
            CompletableFuture<ReminderView> arrived = stream.of(person).toUni().subscribeAsCompletionStage();
            long start = System.nanoTime();
            sender.send(TaskOverdue.of(UUID.randomUUID(), "BM-ONE-" + i, "深化行政审批制度改革", UUID.randomUUID(),
                    person, LocalDate.of(2026, 3, 31)));
            try {
                arrived.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Reminder " + i + " did not arrive", e);
            }
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        latencies.sort(Long::compare);
        return new Result(0, percentile(latencies, 50), percentile(latencies, 99), latencies.get(count - 1));
    }

    private Result run(EventSender sender, int count) {
        UUID unit = UUID.randomUUID();
        String marker = "BM" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<UUID, Instant> sentAt = new HashMap<>();
        Instant first = Instant.now();
        for (int i = 0; i < count; i++) {
            UUID person = UUID.randomUUID();
            Instant now = Instant.now();
            sentAt.put(person, now);
            sender.send(UUID.randomUUID(), TaskOverdue.of(UUID.randomUUID(), marker + i, "深化行政审批制度改革", unit,
                    person, LocalDate.of(2026, 3, 31)), OffsetDateTime.now());
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> arrived(marker).size() >= count);
        List<Long> latencies = new ArrayList<>();
        Instant last = first;
        for (Object[] row : arrived(marker)) {
            Instant created = toInstant(row[1]);
            latencies.add(Duration.between(sentAt.get((UUID) row[0]), created).toMillis());
            last = created.isAfter(last) ? created : last;
        }
        latencies.sort(Long::compare);
        double seconds = Math.max(1, Duration.between(first, last).toMillis()) / 1000.0;
        return new Result(count / seconds, percentile(latencies, 50), percentile(latencies, 99),
                latencies.get(latencies.size() - 1));
    }

    /** The inbox reminders of one burst: its tasks' codes share a marker that the reminders' texts quote. */
    @SuppressWarnings("unchecked")
    private List<Object[]> arrived(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT r.recipient_id, r.created_at FROM reminder r
                        WHERE r.channel = 'INBOX' AND r.kind = 'TASK_OVERDUE'
                          AND r.body LIKE :marker""")
                .setParameter("marker", "%" + marker + "%")
                .getResultList());
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
