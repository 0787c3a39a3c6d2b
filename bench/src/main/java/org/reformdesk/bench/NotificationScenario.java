package org.reformdesk.bench;

import org.reformdesk.events.TaskOverdue;
import org.reformdesk.local.Service;
import org.reformdesk.testing.EventSender;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.reformdesk.bench.BenchRun.check;
import static org.reformdesk.bench.BenchRun.later;

/**
 * Notification-service's reminders per second and its latency: {@code reform.task.overdue.v1} events published
 * straight onto the broker as task-service would (Kafka, idempotent consumer, rules, template, inbox row with its
 * outbox event), each for a task of the city led by a unit whose head answers for it; timed from each event's
 * send to its responsible person's inbox reminder ({@code created_at}, the service's clock corrected by its
 * offset). First a burst sent back to back, so latency includes queueing behind it, then one event at a time,
 * each sent once the previous reminder is in the inbox. The other consumers of the topic take the events too, as
 * they would on the day.
 */
final class NotificationScenario implements Scenario {

    private final int single = Integer.getInteger("bench.notification.single", 200);
    private final Integer events = Integer.getInteger("bench.notification.events");

    @Override
    public String sizes() {
        return "notification=%s events then %d one at a time".formatted(events == null ? "tasks" : events, single);
    }

    @Override
    public void run(BenchRun run) {
        int count = events == null ? run.tasks : events;
        run.awaitSettled("the platform before the notification burst");
        try (EventSender sender = EventSender.on(run.bootstrapServers())) {
            burst(run, sender, count);
            oneAtATime(run, sender);
        }
        run.awaitSettled("the notification scenario");
    }

    private void burst(BenchRun run, EventSender sender, int count) {
        Db notification = run.db(Service.NOTIFICATION);
        Duration platformOffset = run.offsets().get(Service.TASK);
        Map<UUID, Instant> sentAt = new HashMap<>();
        Instant first = Instant.now();
        for (int i = 0; i < count; i++) {
            UUID task = UUID.randomUUID();
            sentAt.put(task, Instant.now());
            sender.send(UUID.randomUUID(), overdue(run, task, "NB", i), platformNow(platformOffset));
        }
        Instant sent = Instant.now();
        Object tasks = notification.uuids(sentAt.keySet());
        Object heads = notification.uuids(run.responsible());
        run.await("notification's inbox reminders of " + count + " overdue events", () -> reminded(notification, tasks,
                heads) >= count);
        check(reminded(notification, tasks, heads) == count, "notification: %d responsible persons' inbox reminders "
                + "for %d overdue events (a duplicate)", reminded(notification, tasks, heads), count);
        Duration offset = run.offsets().get(Service.NOTIFICATION);
        Map<UUID, Instant> created = notification.instants("""
                SELECT subject_id, created_at FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'
                AND subject_id = ANY(?) AND recipient_id = ANY(?)""", tasks, heads);
        Latencies latencies = new Latencies();
        Instant last = null;
        for (Map.Entry<UUID, Instant> reminder : created.entrySet()) {
            Instant at = reminder.getValue().minus(offset);
            latencies.add(Duration.between(sentAt.get(reminder.getKey()), at).toNanos() / 1_000);
            last = later(last, at);
        }
        Figures figures = run.figures;
        figures.info("notification: burst of overdue events", count, "events");
        figures.info("notification: burst published at (each send acknowledged)",
                count / seconds(first, sent), "/s");
        figures.info("notification: burst, inbox reminders made at", count / seconds(first, last), "/s");
        figures.info("notification: burst, event -> inbox reminder p50", latencies.percentileMillis(50), "ms");
        figures.info("notification: burst, event -> inbox reminder p99", latencies.percentileMillis(99), "ms");
        figures.info("notification: burst, event -> inbox reminder max", latencies.maxMillis(), "ms");
    }

    /** Latency without a queue: each event is sent once the previous one's reminder is in the inbox. */
    private void oneAtATime(BenchRun run, EventSender sender) {
        Db notification = run.db(Service.NOTIFICATION);
        Duration platformOffset = run.offsets().get(Service.TASK);
        Map<UUID, Instant> sentAt = new HashMap<>();
        for (int i = 0; i < single; i++) {
            UUID task = UUID.randomUUID();
            TaskOverdue event = overdue(run, task, "NS", i);
            sentAt.put(task, Instant.now());
            sender.send(UUID.randomUUID(), event, platformNow(platformOffset));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (notification.count("""
                    SELECT count(*) FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'
                    AND subject_id = ? AND recipient_id = ?""", task, event.responsiblePersonId()) == 0) {
                check(System.nanoTime() < deadline, "notification: no inbox reminder 30 s after event %d", i);
                // a short poll: the next event waits for it, though the latency comes from the row's timestamp
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
        Duration offset = run.offsets().get(Service.NOTIFICATION);
        Latencies latencies = new Latencies();
        notification.instants("""
                SELECT subject_id, created_at FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'
                AND subject_id = ANY(?) AND recipient_id = ANY(?)""", notification.uuids(sentAt.keySet()),
                notification.uuids(run.responsible())).forEach((task, at) ->
                latencies.add(Duration.between(sentAt.get(task), at.minus(offset)).toNanos() / 1_000));
        check(latencies.count() == single, "notification: %d of %d events one at a time reminded", latencies.count(),
                single);
        run.figures.info("notification: one at a time, event -> inbox reminder p50", latencies.percentileMillis(50),
                "ms");
        run.figures.info("notification: one at a time, event -> inbox reminder p99", latencies.percentileMillis(99),
                "ms");
    }

    /** An overdue event for a new task of the {@code i}-th unit, round-robin, with the unit's head responsible. */
    private static TaskOverdue overdue(BenchRun run, UUID task, String prefix, int i) {
        List<City.Unit> units = run.units();
        City.Unit unit = units.get(i % units.size());
        LocalDate yesterday = LocalDate.ofInstant(run.clock(), BenchRun.CITY_ZONE).minusDays(1);
        return TaskOverdue.of(task, "%s-%05d".formatted(prefix, i), "深化行政审批制度改革（第" + (i + 1) + "项）", unit.id(),
                unit.head(), yesterday);
    }

    /** Now by the platform's clock, as task-service stamps the events it publishes. */
    private static OffsetDateTime platformNow(Duration offset) {
        return OffsetDateTime.ofInstant(Instant.now().plus(offset), BenchRun.CITY_ZONE);
    }

    private static long reminded(Db notification, Object tasks, Object heads) {
        return notification.count("""
                SELECT count(*) FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'
                AND subject_id = ANY(?) AND recipient_id = ANY(?)""", tasks, heads);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }
}
