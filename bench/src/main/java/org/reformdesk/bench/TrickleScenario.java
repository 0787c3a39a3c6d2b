package org.reformdesk.bench;

import org.reformdesk.local.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.reformdesk.bench.BenchRun.MACHINE;
import static org.reformdesk.bench.BenchRun.check;
import static org.reformdesk.bench.BenchRun.later;

/**
 * Scenario 3, the steady trickle: makes one task overdue per tick at a fixed rate (its deadline set to yesterday in
 * task-service's database, then the deadline sweep over REST) and times each overdue event from its commit in
 * task-service (the outbox row's occurred_at) to the last of its effects in the three consuming services. Also prints
 * where that time goes (publication, each consumer's start) and what each process spent per overdue event while it ran.
 */
final class TrickleScenario implements Scenario {

    private final int rate = Integer.getInteger("bench.trickle.rate", 20);
    private final int seconds = Integer.getInteger("bench.trickle.seconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.trickle.warmup.seconds", 10);
    private Map<UUID, UUID> warmupTasks;
    private Map<UUID, UUID> trickleTasks;

    @Override
    public String sizes() {
        return "trickle=%d/s x %d s after %d s warm-up".formatted(rate, seconds, warmupSeconds);
    }

    @Override
    public void seed(BenchRun run) {
        LocalDate deadline = run.today().plusDays(30);
        trickleTasks = run.seedTasks("TR", rate * seconds, deadline);
        warmupTasks = run.seedTasks("TW", rate * warmupSeconds, deadline);
    }

    @Override
    public void run(BenchRun run) {
        // The warm-up runs at the same rate just before, unmeasured (as the ledger's): the services have just started
        // and their first seconds measure class loading and the JIT, not a steady trickle. Its effects are counted.
        Amplification.Snapshot workBefore = run.settledWork("the platform before the trickle");
        Map<String, Long> before = run.effectTotals();
        Ticks warmup = tick(run, List.copyOf(warmupTasks.keySet()));
        Map<String, Double> cpuBefore = run.cpuSeconds();
        Ticks measured = tick(run, List.copyOf(trickleTasks.keySet()));
        Map<String, Double> cpuAfter = run.cpuSeconds();
        double achieved = trickleTasks.size() / measured.seconds();
        int swept = warmup.swept() + measured.swept();
        int expected = warmupTasks.size() + trickleTasks.size();
        check(swept == expected, "the trickle's sweeps found %d overdue tasks, expected %d", swept, expected);
        Set<UUID> units = new HashSet<>(warmupTasks.values());
        units.addAll(trickleTasks.values());
        Set<UUID> all = new HashSet<>(warmupTasks.keySet());
        all.addAll(trickleTasks.keySet());
        run.awaitEffects("trickle", all, units, before);

        Map<UUID, UUID> taskOfEvent = run.overdueEvents(trickleTasks.keySet());
        Db task = run.db(Service.TASK);
        Map<UUID, Instant> committed = task.instants("SELECT id, occurred_at FROM outbox_event WHERE id = ANY(?)",
                task.uuids(taskOfEvent.keySet()));
        // where the time goes: publication and each consumer's start (its transaction's now()), per event
        Map<String, Latencies> stages = new LinkedHashMap<>();
        stages.put("published", since(committed, task.instants(
                "SELECT id, published_at FROM outbox_event WHERE id = ANY(?)", task.uuids(taskOfEvent.keySet()))));
        Map<UUID, Instant> last = new HashMap<>();
        for (Service consumer : List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT)) {
            Db consumerDb = run.db(consumer);
            Map<UUID, Instant> processed = consumerDb.instants(
                    "SELECT event_id, processed_at FROM processed_event WHERE event_id = ANY(?)",
                    consumerDb.uuids(taskOfEvent.keySet()));
            stages.put(consumer.module() + " began", since(committed, processed));
            processed.forEach((event, at) -> last.merge(event, at, BenchRun::later));
        }
        Db notification = run.db(Service.NOTIFICATION);
        Map<UUID, Instant> reminded = notification.instants("""
                SELECT subject_id, created_at FROM reminder WHERE kind = 'TASK_OVERDUE' AND subject_id = ANY(?)""",
                notification.uuids(trickleTasks.keySet()));
        Db inspection = run.db(Service.INSPECTION);
        Map<UUID, Instant> ordered = inspection.instants("""
                SELECT subject_id, issued_at FROM supervision_order WHERE subject_id = ANY(?)""",
                inspection.uuids(trickleTasks.keySet()));
        Latencies latencies = new Latencies();
        taskOfEvent.forEach((event, taskId) -> {
            Instant end = later(later(last.get(event), reminded.get(taskId)), ordered.get(taskId));
            latencies.add(Duration.between(committed.get(event), end).toNanos() / 1_000);
        });
        check(latencies.count() == trickleTasks.size(), "every trickle event has a latency");
        Figures figures = run.figures;
        figures.info("trickle: warm-up before it, unmeasured", warmupSeconds, "s");
        figures.info("trickle: overdue events made at (goal %d/s)".formatted(rate), achieved, "/s");
        figures.info("trickle: ticks that fell a whole interval behind", measured.late(), "ticks");
        figures.info("trickle: overdue event -> last effect p50", latencies.percentileMillis(50), "ms");
        figures.atMost("trickle: overdue event -> last effect p99", latencies.percentileMillis(99), "ms", 100);
        figures.info("trickle: overdue event -> last effect max", latencies.maxMillis(), "ms");
        stages.forEach((stage, of) -> {
            figures.info("trickle: overdue event -> " + stage + " p50", of.percentileMillis(50), "ms");
            figures.info("trickle: overdue event -> " + stage + " p99", of.percentileMillis(99), "ms");
        });
        cpuAfter.forEach((who, used) -> figures.info("trickle: CPU time of " + who + " per overdue event",
                (used - cpuBefore.get(who)) * 1e3 / trickleTasks.size(), "ms"));
        figures.info("trickle: the whole machine busy", 100 * (cpuAfter.get(MACHINE) - cpuBefore.get(MACHINE))
                / (measured.seconds() * Runtime.getRuntime().availableProcessors()), "%");
        run.amplification().report("trickle", workBefore, run.settledWork("the trickle"), expected, figures);
    }

    /** What one run of ticks did: overdue tasks the sweeps found, ticks a whole interval late, seconds it took. */
    private record Ticks(int swept, int late, double seconds) {
    }

    /** One task overdue per tick at the trickle's rate: its deadline set to yesterday, then a sweep over REST. */
    private Ticks tick(BenchRun run, List<UUID> ids) {
        Db task = run.db(Service.TASK);
        LocalDate today = run.today();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        int swept = 0;
        int late = 0;
        for (int i = 0; i < ids.size(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > interval) {
                late++;
            }
            task.update("UPDATE task SET deadline = ? WHERE id = ?", today.minusDays(1), ids.get(i));
            swept += run.rest().post(run.url(Service.TASK) + "/api/v1/deadline-sweeps", Map.of()).path("overdue")
                    .asInt();
        }
        return new Ticks(swept, late, (System.nanoTime() - start) / 1e9);
    }

    /** Per event, the time from {@code from} to {@code to}. */
    private static Latencies since(Map<UUID, Instant> from, Map<UUID, Instant> to) {
        Latencies latencies = new Latencies();
        to.forEach((event, at) -> latencies.add(Duration.between(from.get(event), at).toNanos() / 1_000));
        return latencies;
    }
}
