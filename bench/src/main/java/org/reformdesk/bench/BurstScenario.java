package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.reformdesk.local.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.reformdesk.bench.BenchRun.check;
import static org.reformdesk.bench.BenchRun.later;
import static org.reformdesk.bench.BenchRun.millis;

/**
 * Scenario 2, the year-end burst: moves every service's clock past {@code -Dbench.tasks} tasks' deadline and sweeps
 * once; times the way to the last effect (a reminder per responsible person, a first-rung order per task, every
 * affected unit's standing) and each stage on the way, from the services' own databases.
 */
final class BurstScenario implements Scenario {

    private Map<UUID, UUID> burstTasks;

    @Override
    public void seed(BenchRun run) {
        burstTasks = run.seedTasks("YE", run.tasks, run.today().plusDays(10));
    }

    @Override
    public void run(BenchRun run) {
        Amplification.Snapshot workBefore = run.settledWork("the platform before the burst");
        Map<String, Long> before = run.effectTotals();
        Map<String, Double> cpuBefore = run.cpuSeconds();
        Instant t0 = Instant.now();
        run.moveClocks(BenchRun.morningOf(run.today().plusDays(11)));
        JsonNode swept = run.rest().post(run.url(Service.TASK) + "/api/v1/deadline-sweeps", Map.of());
        Instant sweptAt = Instant.now();
        check(swept.path("overdue").asInt() == burstTasks.size(), "the burst sweep found %d overdue tasks, expected %d",
                swept.path("overdue").asInt(), burstTasks.size());
        Set<UUID> affectedUnits = Set.copyOf(burstTasks.values());
        run.awaitEffects("burst", burstTasks.keySet(), affectedUnits, before);
        Map<String, Double> cpuAfter = run.cpuSeconds();
        Map<Service, Duration> offsets = run.offsets();

        Map<UUID, UUID> events = run.overdueEvents(burstTasks.keySet());
        Db task = run.db(Service.TASK);
        Instant drained = task.instant("SELECT max(published_at) FROM outbox_event WHERE id = ANY(?)",
                task.uuids(events.keySet())).minus(offsets.get(Service.TASK));
        Map<Service, Instant> consumed = new EnumMap<>(Service.class);
        for (Service consumer : List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT)) {
            Db consumerDb = run.db(consumer);
            consumed.put(consumer, consumerDb.instant(
                    "SELECT max(processed_at) FROM processed_event WHERE event_id = ANY(?)",
                    consumerDb.uuids(events.keySet())));
        }
        Db notification = run.db(Service.NOTIFICATION);
        Instant reminded = notification.instant("""
                SELECT max(created_at) FROM reminder WHERE kind = 'TASK_OVERDUE' AND subject_id = ANY(?)""",
                notification.uuids(burstTasks.keySet())).minus(offsets.get(Service.NOTIFICATION));
        Db inspection = run.db(Service.INSPECTION);
        Instant ordered = inspection.instant("SELECT max(issued_at) FROM supervision_order WHERE subject_id = ANY(?)",
                inspection.uuids(burstTasks.keySet())).minus(offsets.get(Service.INSPECTION));
        Db assessment = run.db(Service.ASSESSMENT);
        Instant ranked = assessment.instant("SELECT max(updated_at) FROM unit_standing WHERE unit_id = ANY(?)",
                assessment.uuids(affectedUnits)).minus(offsets.get(Service.ASSESSMENT));
        Instant lastEffect = later(later(later(reminded, ordered), ranked),
                consumed.values().stream().reduce(null, BenchRun::later));

        Figures figures = run.figures;
        figures.info("burst: overdue tasks at one clock move", burstTasks.size(), "tasks");
        figures.info("burst: stage deadline sweep (clock move -> sweep answered)", millis(t0, sweptAt), "ms");
        figures.info("burst: stage outbox drained (last overdue event published)", millis(t0, drained), "ms");
        figures.info("burst: stage notification-service (last reminder)", millis(t0, later(reminded,
                consumed.get(Service.NOTIFICATION))), "ms");
        figures.info("burst: stage inspection-service (last first-rung order)", millis(t0, later(ordered,
                consumed.get(Service.INSPECTION))), "ms");
        figures.info("burst: stage assessment-service (last score and rank)", millis(t0, later(ranked,
                consumed.get(Service.ASSESSMENT))), "ms");
        figures.atMost("burst: clock move -> last effect", millis(t0, lastEffect) / 1000.0, "s", 3);
        cpuAfter.forEach((who, seconds) -> figures.info("burst: CPU time of " + who
                + " (clock move -> effects counted)", seconds - cpuBefore.get(who), "s"));
        run.amplification().report("burst", workBefore, run.settledWork("the burst"), burstTasks.size(), figures);
        run.keepResidentMemoryAfterBurst();
    }
}
