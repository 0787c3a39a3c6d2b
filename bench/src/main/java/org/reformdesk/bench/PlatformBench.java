package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.reformdesk.local.KafkaBroker;
import org.reformdesk.local.Platform;
import org.reformdesk.local.Postgres;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;
import org.reformdesk.testing.TokenMint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Issue 11's figures in one sitting: Kafka and the five packaged services as processes on the local PostgreSQL,
 * a seed-like city, then the year-end burst, the steady trickle, escalation (against the BPMN reference), the
 * ledger under open-loop load and each service's footprint. Each figure is printed beside its goal and written to
 * {@code bench/target/results.json}; a count of effects that is not exact (a loss, a duplicate) fails the run.
 */
public final class PlatformBench {

    private static final String OVERDUE = "reform.task.overdue.v1";
    private static final String ESCALATED = "reform.supervision.order-escalated.v1";
    private static final String MACHINE = "the whole machine";

    private final Path root;
    private final Path target;
    private final int tasks = Integer.getInteger("bench.tasks", 10_000);
    private final int trickleRate = Integer.getInteger("bench.trickle.rate", 20);
    private final int trickleSeconds = Integer.getInteger("bench.trickle.seconds", 60);
    private final int trickleWarmup = Integer.getInteger("bench.trickle.warmup.seconds", 10);
    private final int ledgerTasks = Integer.getInteger("bench.ledger.tasks", 100_000);
    private final int ledgerRate = Integer.getInteger("bench.ledger.rate", 500);
    private final int ledgerSeconds = Integer.getInteger("bench.ledger.seconds", 60);
    private final String reference = System.getProperty("bench.reference", "run");
    private final String seed = System.getProperty("bench.seed", "sql");
    private final Duration settleTimeout = Duration.ofSeconds(Long.getLong("bench.timeout.seconds", 600));
    private final Duration readyTimeout = Duration.ofSeconds(Long.getLong("bench.ready.seconds", 300));

    private final Postgres postgres = Postgres.fromEnvironment();
    private final TokenMint tokens = TokenMint.generate();
    private final Rest rest = new Rest(tokens.token("office", null, List.of("reform-office")));
    private final Map<Service, String> databases = new EnumMap<>(Service.class);
    private final Map<Service, Db> db = new EnumMap<>(Service.class);
    private final Figures figures = new Figures();
    private Db statistics;
    private Amplification amplification;
    private Platform platform;
    /** Set when the run is being stopped; guarded by this, as starting processes is. */
    private boolean stopping;
    private double escalationRate;
    /** The units' heads: each is the responsible person of the tasks their unit leads. */
    private Set<UUID> responsible = Set.of();

    private PlatformBench(Path root) {
        this.root = root;
        this.target = root.resolve("bench/target");
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        PlatformBench bench = new PlatformBench(root);
        // Ctrl-C or a kill must not leave the broker and five services running, nor their databases behind
        Runtime.getRuntime().addShutdownHook(new Thread(bench::cleanUp));
        int status = 0;
        try {
            bench.run();
        } catch (RuntimeException e) {
            System.out.println("bench: FAILED: " + e.getMessage());
            e.printStackTrace(System.out);
            status = 1;
        }
        System.exit(status);
    }

    private void run() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        figures.context("run", run);
        figures.context("machine", machine());
        figures.context("sizes", "tasks=%d trickle=%d/s x %d s after %d s warm-up ledger=%d at %d/s x %d s"
                .formatted(tasks, trickleRate, trickleSeconds, trickleWarmup, ledgerTasks, ledgerRate, ledgerSeconds));
        System.out.println("bench: run " + run + " on " + machine());
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, "bench_" + service.name().toLowerCase() + "_" + run);
            ports.put(service, Ports.free());
        }
        // the benchmark sweeps itself, so the services' schedules must not beat it to the work it times
        Map<String, String> config = Map.of("reform.time.movable", "true", "reform.deadline.sweep-every", "off",
                "reform.ladder.sweep-every", "off", "reform.rectification.sweep-every", "off",
                "reform.summaries.sweep-every", "off", "reform.reminders.repeat-sweep-every", "off");
        Path work = target.resolve("platform-" + run);
        platform = starting(() -> Platform.start(new Platform.Settings(root, work, postgres, databases, ports,
                Ports.free(), Ports.free(), tokens.quarkusConfig(), config), readyTimeout));
        for (Service service : Service.values()) {
            db.put(service, new Db(postgres.jdbcUrl(databases.get(service)), postgres.user(), postgres.password()));
        }
        // the server's statistics are read from a database of none of the services, so reading them writes nothing there
        statistics = new Db(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
        amplification = new Amplification(databases, db, statistics);
        Map<Service, Duration> startedTogether = platform.startTimes();

        List<City.Unit> units = City.loadDirectory(rest, url(Service.TASK));
        responsible = units.stream().map(City.Unit::head).collect(Collectors.toSet());
        LocalDate today = LocalDate.parse(rest.get(url(Service.TASK) + "/api/v1/clock").path("today").asText());
        int trickleCount = trickleRate * trickleSeconds;
        int warmupCount = trickleRate * trickleWarmup;
        long seedStart = System.nanoTime();
        boolean overRest = seed.equals("rest");
        Map<UUID, UUID> burstTasks = overRest
                ? City.createTasks(rest, url(Service.TASK), units, "YE", tasks, today.plusDays(10))
                : City.insertTasks(db.get(Service.TASK), units, "YE", tasks, today.plusDays(10));
        Map<UUID, UUID> trickleTasks = overRest
                ? City.createTasks(rest, url(Service.TASK), units, "TR", trickleCount, today.plusDays(30))
                : City.insertTasks(db.get(Service.TASK), units, "TR", trickleCount, today.plusDays(30));
        Map<UUID, UUID> warmupTasks = overRest
                ? City.createTasks(rest, url(Service.TASK), units, "TW", warmupCount, today.plusDays(30))
                : City.insertTasks(db.get(Service.TASK), units, "TW", warmupCount, today.plusDays(30));
        System.out.printf("bench: seeded %d units and %d people over REST, %d tasks %s in %.1f s%n", units.size(),
                units.size() * 2, tasks + trickleCount + warmupCount,
                overRest ? "over REST" : "in SQL (-Dbench.seed=rest: over REST)",
                (System.nanoTime() - seedStart) / 1e9);
        figures.context("seed", overRest ? "tasks over REST" : "tasks in SQL into task-service's database");
        awaitSettled("the seed");
        // a consumer group that has not committed yet shows no lag, so wait for the directory's effect itself
        await("assessment to know every unit of the directory",
                () -> db.get(Service.ASSESSMENT).count("SELECT count(*) FROM assessed_unit") == units.size());
        await("notification to know every person of the directory", () -> db.get(Service.NOTIFICATION)
                .count("SELECT count(*) FROM directory_person") == units.size() * 2L);

        trickle(warmupTasks, trickleTasks, today);
        Instant afterBurst = burst(burstTasks, today.plusDays(11));
        Map<Service, Long> resident = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            resident.put(service, platform.service(service).residentMemoryMiB());
        }
        escalation(afterBurst.plus(Duration.ofDays(30)));
        ledger(units);

        platform.close();
        platform = null;
        Map<Service, Duration> startedAlone = startOneAtATime(work.resolve("alone"));
        footprint(startedTogether, startedAlone, resident);
        reference();
        figures.write(target.resolve("results.json"));
        long unmet = figures.withGoals().stream().filter(f -> !f.met()).count();
        System.out.printf("bench: %d of %d goals met; results in %s%n", figures.withGoals().size() - unmet,
                figures.withGoals().size(), target.resolve("results.json"));
    }

    // ---- 3. steady trickle

    /**
     * Makes one task overdue per tick at a fixed rate (its deadline set to yesterday in task-service's database,
     * then the deadline sweep over REST) and times each overdue event from its commit in task-service (the outbox
     * row's occurred_at) to the last of its effects in the three consuming services. Also prints where that time goes
     * (publication, each consumer's start) and what each process spent per overdue event while it ran.
     */
    private void trickle(Map<UUID, UUID> warmupTasks, Map<UUID, UUID> trickleTasks, LocalDate today) {
        // The warm-up runs at the same rate just before, unmeasured (as the ledger's): the services have just started
        // and their first seconds measure class loading and the JIT, not a steady trickle. Its effects are counted.
        Amplification.Snapshot workBefore = settledWork("the platform before the trickle");
        Map<String, Long> before = effectTotals();
        Ticks warmup = tick(List.copyOf(warmupTasks.keySet()), today);
        Map<String, Double> cpuBefore = cpuSeconds();
        Ticks measured = tick(List.copyOf(trickleTasks.keySet()), today);
        Map<String, Double> cpuAfter = cpuSeconds();
        double achieved = trickleTasks.size() / measured.seconds();
        int swept = warmup.swept() + measured.swept();
        int expected = warmupTasks.size() + trickleTasks.size();
        check(swept == expected, "the trickle's sweeps found %d overdue tasks, expected %d", swept, expected);
        Set<UUID> units = new HashSet<>(warmupTasks.values());
        units.addAll(trickleTasks.values());
        Set<UUID> all = new HashSet<>(warmupTasks.keySet());
        all.addAll(trickleTasks.keySet());
        awaitEffects("trickle", all, units, before);

        Map<UUID, UUID> taskOfEvent = overdueEvents(trickleTasks.keySet());
        Db task = db.get(Service.TASK);
        Map<UUID, Instant> committed = task.instants("SELECT id, occurred_at FROM outbox_event WHERE id = ANY(?)",
                task.uuids(taskOfEvent.keySet()));
        // where the time goes: publication and each consumer's start (its transaction's now()), per event
        Map<String, Latencies> stages = new LinkedHashMap<>();
        stages.put("published", since(committed, task.instants(
                "SELECT id, published_at FROM outbox_event WHERE id = ANY(?)", task.uuids(taskOfEvent.keySet()))));
        Map<UUID, Instant> last = new HashMap<>();
        for (Service consumer : List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT)) {
            Db consumerDb = db.get(consumer);
            Map<UUID, Instant> processed = consumerDb.instants(
                    "SELECT event_id, processed_at FROM processed_event WHERE event_id = ANY(?)",
                    consumerDb.uuids(taskOfEvent.keySet()));
            stages.put(consumer.module() + " began", since(committed, processed));
            processed.forEach((event, at) -> last.merge(event, at, PlatformBench::later));
        }
        Db notification = db.get(Service.NOTIFICATION);
        Map<UUID, Instant> reminded = notification.instants("""
                SELECT subject_id, created_at FROM reminder WHERE kind = 'TASK_OVERDUE' AND subject_id = ANY(?)""",
                notification.uuids(trickleTasks.keySet()));
        Db inspection = db.get(Service.INSPECTION);
        Map<UUID, Instant> ordered = inspection.instants("""
                SELECT subject_id, issued_at FROM supervision_order WHERE subject_id = ANY(?)""",
                inspection.uuids(trickleTasks.keySet()));
        Latencies latencies = new Latencies();
        taskOfEvent.forEach((event, taskId) -> {
            Instant end = later(later(last.get(event), reminded.get(taskId)), ordered.get(taskId));
            latencies.add(Duration.between(committed.get(event), end).toNanos() / 1_000);
        });
        check(latencies.count() == trickleTasks.size(), "every trickle event has a latency");
        figures.info("trickle: warm-up before it, unmeasured", trickleWarmup, "s");
        figures.info("trickle: overdue events made at (goal %d/s)".formatted(trickleRate), achieved, "/s");
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
        amplification.report("trickle", workBefore, settledWork("the trickle"), expected, figures);
    }

    /** What one run of ticks did: overdue tasks the sweeps found, ticks a whole interval late, seconds it took. */
    private record Ticks(int swept, int late, double seconds) {
    }

    /** One task overdue per tick at the trickle's rate: its deadline set to yesterday, then a sweep over REST. */
    private Ticks tick(List<UUID> ids, LocalDate today) {
        Db task = db.get(Service.TASK);
        long interval = TimeUnit.SECONDS.toNanos(1) / trickleRate;
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
            swept += rest.post(url(Service.TASK) + "/api/v1/deadline-sweeps", Map.of()).path("overdue").asInt();
        }
        return new Ticks(swept, late, (System.nanoTime() - start) / 1e9);
    }

    /** Per event, the time from {@code from} to {@code to}. */
    private static Latencies since(Map<UUID, Instant> from, Map<UUID, Instant> to) {
        Latencies latencies = new Latencies();
        to.forEach((event, at) -> latencies.add(Duration.between(from.get(event), at).toNanos() / 1_000));
        return latencies;
    }

    // ---- 2. year-end burst

    /**
     * Moves every service's clock past the burst tasks' deadline and sweeps once; times the way to the last
     * effect (a reminder per responsible person, a first-rung order per task, every affected unit's standing)
     * and each stage on the way, from the services' own databases.
     */
    private Instant burst(Map<UUID, UUID> burstTasks, LocalDate overdueDay) {
        Instant moveTo = overdueDay.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        Amplification.Snapshot workBefore = settledWork("the platform before the burst");
        Map<String, Long> before = effectTotals();
        Map<String, Double> cpuBefore = cpuSeconds();
        Instant t0 = Instant.now();
        for (Service service : Service.values()) {
            rest.put(url(service) + "/api/v1/clock", Map.of("now", moveTo.toString()));
        }
        JsonNode swept = rest.post(url(Service.TASK) + "/api/v1/deadline-sweeps", Map.of());
        Instant sweptAt = Instant.now();
        check(swept.path("overdue").asInt() == burstTasks.size(), "the burst sweep found %d overdue tasks, expected %d",
                swept.path("overdue").asInt(), burstTasks.size());
        Set<UUID> affectedUnits = Set.copyOf(burstTasks.values());
        awaitEffects("burst", burstTasks.keySet(), affectedUnits, before);
        Map<String, Double> cpuAfter = cpuSeconds();
        Map<Service, Duration> offsets = offsets();

        Map<UUID, UUID> events = overdueEvents(burstTasks.keySet());
        Db task = db.get(Service.TASK);
        Instant drained = task.instant("SELECT max(published_at) FROM outbox_event WHERE id = ANY(?)",
                task.uuids(events.keySet())).minus(offsets.get(Service.TASK));
        Map<Service, Instant> consumed = new EnumMap<>(Service.class);
        for (Service consumer : List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT)) {
            Db consumerDb = db.get(consumer);
            consumed.put(consumer, consumerDb.instant(
                    "SELECT max(processed_at) FROM processed_event WHERE event_id = ANY(?)",
                    consumerDb.uuids(events.keySet())));
        }
        Db notification = db.get(Service.NOTIFICATION);
        Instant reminded = notification.instant("""
                SELECT max(created_at) FROM reminder WHERE kind = 'TASK_OVERDUE' AND subject_id = ANY(?)""",
                notification.uuids(burstTasks.keySet())).minus(offsets.get(Service.NOTIFICATION));
        Db inspection = db.get(Service.INSPECTION);
        Instant ordered = inspection.instant("SELECT max(issued_at) FROM supervision_order WHERE subject_id = ANY(?)",
                inspection.uuids(burstTasks.keySet())).minus(offsets.get(Service.INSPECTION));
        Db assessment = db.get(Service.ASSESSMENT);
        Instant ranked = assessment.instant("SELECT max(updated_at) FROM unit_standing WHERE unit_id = ANY(?)",
                assessment.uuids(affectedUnits)).minus(offsets.get(Service.ASSESSMENT));
        Instant lastEffect = later(later(later(reminded, ordered), ranked),
                consumed.values().stream().reduce(null, PlatformBench::later));

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
        amplification.report("burst", workBefore, settledWork("the burst"), burstTasks.size(), figures);
        return moveTo;
    }

    /**
     * Every overdue event, inbox overdue reminder, first-rung order and overdue deduction, whatever its task. Cheap to
     * count, unlike the exact counts of {@link #awaitEffects}: those match 10,000 ids in four databases, some 0.3 s of
     * PostgreSQL each time, and polled every 100 ms they took a core from the services the burst measures.
     */
    private Map<String, Long> effectTotals() {
        return Map.of(
                "overdue events", db.get(Service.TASK).count(
                        "SELECT count(*) FROM outbox_event WHERE type = ?", OVERDUE),
                "responsible persons' overdue reminders (inbox)", db.get(Service.NOTIFICATION).count(
                        "SELECT count(*) FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'"),
                "first-rung orders", db.get(Service.INSPECTION).count(
                        "SELECT count(*) FROM supervision_order WHERE rung = 'REMINDER_NOTICE'"),
                "overdue deductions", db.get(Service.ASSESSMENT).count(
                        "SELECT count(*) FROM score_entry WHERE indicator = 'OVERDUE_TASKS'"));
    }

    /**
     * Waits until each task has exactly one overdue event, one overdue reminder in its responsible person's inbox,
     * one first-rung order and one overdue deduction, and every affected unit has been re-ranked; fails on a
     * count above the expected one (a duplicate) or when the effects do not all arrive (a loss). Counts exactly only
     * once the totals have grown by as many as expected since {@code before}.
     */
    private void awaitEffects(String phase, Set<UUID> taskIds, Set<UUID> affectedUnits, Map<String, Long> before) {
        Db task = db.get(Service.TASK);
        Db notification = db.get(Service.NOTIFICATION);
        Db inspection = db.get(Service.INSPECTION);
        Db assessment = db.get(Service.ASSESSMENT);
        int expected = taskIds.size();
        Object taskArray = task.uuids(taskIds);
        Object subjectsN = notification.uuids(taskIds);
        Object people = notification.uuids(responsible);
        Object subjectsI = inspection.uuids(taskIds);
        Map<String, Long> counts = new LinkedHashMap<>();
        BooleanSupplier exact = () -> {
            counts.put("overdue events", task.count("""
                    SELECT count(*) FROM outbox_event WHERE type = ? AND CAST(aggregate_id AS uuid) = ANY(?)""",
                    OVERDUE, taskArray));
            counts.put("responsible persons' overdue reminders (inbox)", notification.count("""
                    SELECT count(*) FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'
                    AND subject_id = ANY(?) AND recipient_id = ANY(?)""", subjectsN, people));
            counts.put("first-rung orders", inspection.count("""
                    SELECT count(*) FROM supervision_order WHERE rung = 'REMINDER_NOTICE' AND subject_id = ANY(?)""",
                    subjectsI));
            List<UUID> events = overdueEvents(taskIds).keySet().stream().toList();
            counts.put("overdue deductions", assessment.count("""
                    SELECT count(*) FROM score_entry WHERE indicator = 'OVERDUE_TASKS' AND event_id = ANY(?)""",
                    assessment.uuids(events)));
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                check(count.getValue() <= expected, "%s: %d %s for %d tasks (a duplicate)", phase, count.getValue(),
                        count.getKey(), expected);
            }
            return counts.values().stream().allMatch(count -> count == expected);
        };
        await(phase + " effects " + counts, () -> effectTotals().entrySet().stream()
                .allMatch(total -> total.getValue() - before.get(total.getKey()) >= expected) && exact.getAsBoolean());
        check(notification.count("""
                SELECT count(DISTINCT subject_id) FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX'
                AND subject_id = ANY(?) AND recipient_id = ANY(?)""", subjectsN, people) == expected,
                "%s: every task's responsible person reminded once", phase);
        long allReminders = notification.count("""
                SELECT count(*) FROM reminder WHERE kind = 'TASK_OVERDUE' AND subject_id = ANY(?)""", subjectsN);
        // a unit is re-ranked on each of its overdue events (a standing per month): every affected unit has a rank
        check(assessment.count("""
                SELECT count(DISTINCT unit_id) FROM unit_standing WHERE unit_id = ANY(?) AND rank IS NOT NULL""",
                assessment.uuids(affectedUnits)) == affectedUnits.size(), "%s: every affected unit ranked", phase);
        System.out.printf("bench: %s effects exact: %s for %d tasks, %d units re-ranked; %d overdue reminders on all "
                + "channels to all recipients%n", phase, counts, expected, affectedUnits.size(), allReminders);
    }

    /** The overdue events of these tasks, each with its task. */
    private Map<UUID, UUID> overdueEvents(Set<UUID> taskIds) {
        Db task = db.get(Service.TASK);
        return task.pairs("""
                SELECT id, CAST(aggregate_id AS uuid) FROM outbox_event WHERE type = ?
                AND CAST(aggregate_id AS uuid) = ANY(?)""", OVERDUE, task.uuids(taskIds));
    }

    // ---- 4. escalation

    /**
     * CPU seconds used so far by each service, by PostgreSQL's processes and by the whole machine (from /proc/stat;
     * the rest is Kafka, this benchmark and the system): on two cores the burst is bound by the sum.
     */
    private Map<String, Double> cpuSeconds() {
        Map<String, Double> used = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            used.put(service.name().toLowerCase() + "-service", platform.service(service).cpuTime().toMillis() / 1e3);
        }
        used.put("PostgreSQL", ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .mapToDouble(process -> process.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1e3)
                .sum());
        try {
            // the first line of /proc/stat: user nice system idle iowait irq softirq steal ..., in 1/100 s
            String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(machine[i]);
            }
            used.put(MACHINE, busy / 100.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    /** Moves the clocks past every open first-rung order's reply-by date and times one escalation sweep. */
    private void escalation(Instant moveTo) {
        Db inspection = db.get(Service.INSPECTION);
        long due = inspection.count(
                "SELECT count(*) FROM supervision_order WHERE rung = 'REMINDER_NOTICE' AND state = 'ISSUED'");
        long escalatedBefore = inspection.count("SELECT count(*) FROM outbox_event WHERE type = ?", ESCALATED);
        Instant t0 = Instant.now();
        for (Service service : Service.values()) {
            rest.put(url(service) + "/api/v1/clock", Map.of("now", moveTo.toString()));
        }
        JsonNode swept = rest.post(url(Service.INSPECTION) + "/api/v1/orders/escalation-sweeps", Map.of());
        Instant sweptAt = Instant.now();
        await("escalation of " + due + " orders", () -> inspection.count(
                "SELECT count(*) FROM outbox_event WHERE type = ? AND published_at IS NOT NULL", ESCALATED)
                - escalatedBefore >= due && inspection.count(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        Duration offset = offsets().get(Service.INSPECTION);
        long superseded = inspection.count(
                "SELECT count(*) FROM supervision_order WHERE rung = 'REMINDER_NOTICE' AND state = 'SUPERSEDED'");
        long secondRung = inspection.count("SELECT count(*) FROM supervision_order WHERE rung = 'ASSIGNMENT_NOTICE'");
        long escalated = inspection.count("SELECT count(*) FROM outbox_event WHERE type = ?", ESCALATED)
                - escalatedBefore;
        check(superseded == due && secondRung == due && escalated == due,
                "escalation: %d due, %d superseded, %d second-rung orders, %d escalated events", due, superseded,
                secondRung, escalated);
        Instant out = inspection.instant("SELECT max(published_at) FROM outbox_event WHERE type = ?", ESCALATED)
                .minus(offset);
        double seconds = millis(t0, out) / 1000.0;
        System.out.printf("bench: escalation sweep answered %s in %d ms%n", swept, millis(t0, sweptAt));
        figures.info("escalation: open orders past reply-by at one clock move", due, "orders");
        figures.info("escalation: clock move -> every order superseded and its events out", seconds, "s");
        figures.info("escalation: rate", due / seconds, "/s");
        escalationRate = due / seconds;
    }

    /** Runs the Flowable reference outside the repository and compares its first-rung escalation rate. */
    private void reference() {
        if (reference.equals("skip")) {
            System.out.println("bench: reference: not run (-Dbench.reference=skip)");
            return;
        }
        String configured = System.getenv("FLOWABLE_BENCH");
        Path dir = configured == null || configured.isBlank() ? root.resolve("../shared/bench/flowable").normalize()
                : Path.of(configured);
        if (!Files.isRegularFile(dir.resolve("run.sh"))) {
            System.out.println("bench: reference: not run (FLOWABLE_BENCH not found)");
            return;
        }
        Path log = target.resolve("flowable.log");
        String runs = System.getProperty("bench.reference.runs", "1");
        System.out.printf("bench: reference: %s/run.sh with N=%d RUNS=%s (minutes; log %s)%n", dir, tasks, runs, log);
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "run.sh").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("N", Integer.toString(tasks));
            builder.environment().put("RUNS", runs);
            int exit = starting(builder::start).waitFor();
            String last = Files.readAllLines(log).stream().filter(line -> line.startsWith("flowable:"))
                    .reduce((a, b) -> b).orElse(null);
            // its figures are in its final line; its exit status is not: the script's EXIT trap kills a sampler it
            // already stopped, and under set -e that failing kill makes it exit 1 after a complete run
            check(last != null, "the reference exited %d without its final line; see %s", exit, log);
            var match = java.util.regex.Pattern.compile("first-rung escalation (\\d+) in ([0-9.]+) s").matcher(last);
            check(match.find(), "cannot read the reference's line: %s", last);
            double referenceRate = Integer.parseInt(match.group(1)) / Double.parseDouble(match.group(2));
            System.out.println("bench: reference: " + last);
            figures.info("escalation: reference (Flowable 7.2 BPMN timers) rate", referenceRate, "/s");
            figures.info("escalation: Reform Desk rate", escalationRate, "/s");
            figures.atLeast("escalation: Reform Desk rate / reference rate", escalationRate / referenceRate, "x", 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- 5. ledger under load

    /**
     * Tops task-service's ledger up to the ledger size in SQL (as task-service's LedgerBenchmark does: no events,
     * it measures reads), then drives a mix of ledger pages, single tasks and summaries open-loop.
     */
    private void ledger(List<City.Unit> units) {
        Db task = db.get(Service.TASK);
        long have = task.count("SELECT count(*) FROM task");
        long seedStart = System.nanoTime();
        task.update("""
                INSERT INTO task (id, code, title, description, lead_unit_id, responsible_person_id, deadline, status,
                                  created_at, created_by, updated_at, policy_areas, origin, rigid, plan_year,
                                  participating_unit_ids, tags, assigned_on)
                SELECT gen_random_uuid(), 'GEN-' || g, '推进' || (ARRAY['营商环境','国资国企','医药卫生','户籍制度','生态补偿'])[1 + g % 5]
                           || '改革第' || g || '项', '按期推进', u.id, gen_random_uuid(),
                       DATE '2024-01-01' + CAST(g % 2000 AS int), (ARRAY['ASSIGNED','IN_PROGRESS','CLOSE_REQUESTED','CLOSED','DRAFT','SUSPENDED','IN_PROGRESS'])[1 + g % 7],
                       now(), 'bench', now(), ARRAY[(ARRAY['经济','社会民生','城市规划建设管理','民主法治','生态文明','党的建设','纪律检查'])[1 + g % 7]],
                       'MUNICIPAL', g % 3 <> 0, 2024 + g % 6, ARRAY[u2.id], '{}', DATE '2024-01-01'
                FROM generate_series(1, ?) g
                JOIN LATERAL (SELECT id FROM unit ORDER BY code OFFSET (g % 81) LIMIT 1) u ON TRUE
                JOIN LATERAL (SELECT id FROM unit ORDER BY code OFFSET ((g + 7) % 81) LIMIT 1) u2 ON TRUE""",
                Math.max(0, ledgerTasks - have));
        task.update("ANALYZE task");
        long size = task.count("SELECT count(*) FROM task");
        check(size >= ledgerTasks, "the ledger holds %d tasks, expected %d", size, ledgerTasks);
        System.out.printf("bench: ledger topped up in SQL to %d tasks in %.1f s%n", size,
                (System.nanoTime() - seedStart) / 1e9);

        String base = url(Service.TASK) + "/api/v1/tasks";
        String unit = units.get(0).id().toString();
        List<HttpRequest> pages = List.of("size=50", "status=ASSIGNED&area=" + encode("经济") + "&year=2026&size=50",
                "timeliness=OVERDUE&size=50", "timeliness=DUE_SOON&sort=-deadline&size=50",
                "leadUnit=" + unit + "&size=50", "unit=" + unit + "&rigid=true&size=50",
                "q=" + encode("营商环境") + "&size=50",
                "status=IN_PROGRESS&page=40&size=50").stream().map(query -> get(base + "?" + query)).toList();
        List<HttpRequest> single = task.ids("SELECT id FROM task ORDER BY id LIMIT 500").stream()
                .map(id -> get(base + "/" + id)).toList();
        List<HttpRequest> summaries = List.of(get(base + "/summary"), get(base + "/summary?area=" + encode("经济")));
        List<LoadGenerator.Kind> mix = List.of(new LoadGenerator.Kind("ledger page (50, filtered)", 60, pages),
                new LoadGenerator.Kind("one task", 30, single),
                new LoadGenerator.Kind("ledger summary", 10, summaries));
        LoadGenerator load = new LoadGenerator(rest.client());
        load.run(mix, ledgerRate, Math.min(10, ledgerSeconds)); // warm-up: JIT and connections, not measured
        LoadGenerator.Result result = load.run(mix, ledgerRate, ledgerSeconds);
        check(result.failed() == 0, "ledger: %d of %d requests failed, e.g. %s", result.failed(), result.sent(),
                result.failures());
        figures.info("ledger: tasks in the ledger", size, "tasks");
        figures.info("ledger: offered load (open loop, goal %d/s)".formatted(ledgerRate), result.achievedRate(), "/s");
        figures.atMost("ledger: requests not answered in 30 s", result.timedOut(), "requests", 0);
        result.latencies().forEach((kind, latencies) -> {
            figures.info("ledger: " + kind + " p50", latencies.percentileMillis(50), "ms");
            figures.atMost("ledger: " + kind + " p99", latencies.percentileMillis(99), "ms", 30);
        });
    }

    private HttpRequest get(String url) {
        return rest.request(url).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- 6. footprint

    /** Starts each packaged service alone on a fresh broker (its database is migrated by now), one after another. */
    private Map<Service, Duration> startOneAtATime(Path work) {
        Map<Service, Duration> ready = new EnumMap<>(Service.class);
        try (KafkaBroker kafka = starting(() -> KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free()))) {
            for (Service service : Service.values()) {
                Map<String, String> config = new HashMap<>(tokens.quarkusConfig());
                config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(databases.get(service)));
                config.put("quarkus.datasource.username", postgres.user());
                config.put("quarkus.datasource.password", postgres.password());
                config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                try (ServiceProcess process = starting(() -> ServiceProcess.start(root, service, Ports.free(), config,
                        work.resolve("logs")))) {
                    ready.put(service, process.awaitReady(readyTimeout));
                }
            }
        }
        return ready;
    }

    private void footprint(Map<Service, Duration> together, Map<Service, Duration> alone, Map<Service, Long> resident) {
        for (Service service : Service.values()) {
            figures.info(service.module() + ": ready, all five starting at once", together.get(service).toMillis()
                    / 1000.0, "s");
            figures.atMost(service.module() + ": ready, started alone", alone.get(service).toMillis() / 1000.0, "s", 2);
            figures.atMost(service.module() + ": resident memory after the burst", resident.get(service), "MiB", 200);
        }
    }

    // ---- plumbing

    /** Each service's clock offset from the system clock, read over REST and corrected by half the round trip. */
    private Map<Service, Duration> offsets() {
        Map<Service, Duration> offsets = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            long bestRoundTrip = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long before = System.nanoTime();
                Instant sent = Instant.now();
                Instant read = Instant.parse(rest.get(url(service) + "/api/v1/clock").path("now").asText());
                long roundTrip = System.nanoTime() - before;
                if (roundTrip < bestRoundTrip) {
                    bestRoundTrip = roundTrip;
                    offsets.put(service, Duration.between(sent.plusNanos(roundTrip / 2), read));
                }
            }
        }
        return offsets;
    }

    /** Waits until every outbox is drained and every consumer group has read everything. */
    private void awaitSettled(String what) {
        try (Admin admin = admin()) {
            awaitSettled(what, admin);
        }
    }

    /** The work done so far (records, rows, transactions), once the platform has settled. */
    private Amplification.Snapshot settledWork(String what) {
        try (Admin admin = admin()) {
            awaitSettled(what, admin);
            return amplification.take(admin);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    private void awaitSettled(String what, Admin admin) {
        await(what + " to settle", () -> {
            for (Service service : Service.values()) {
                if (db.get(service).count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
                    return false;
                }
            }
            return lag(admin) == 0;
        });
    }

    private static long lag(Admin admin) {
        try {
            long lag = 0;
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                var ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the consumer groups' lag", e);
        }
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (!condition.getAsBoolean()) {
            check(System.nanoTime() < deadline, "timed out after %s waiting for %s (a loss?)", settleTimeout, what);
            // the figures come from the databases' timestamps, not from when a poll noticed: poll gently
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    private String url(Service service) {
        return platform.service(service).baseUrl();
    }

    private static void check(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalStateException(message.formatted(args));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            return "%d cpu (%s), %d MiB max heap here, java %s, load %s".formatted(
                    Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"), load);
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Starts processes of the run unless the run is being stopped. Stopped mid-run (Ctrl-C, kill), the main thread
     * goes on while the shutdown hook runs; holding the same lock, a start happens either before the hook, which then
     * stops it, or not at all.
     */
    private synchronized <T> T starting(Callable<T> start) {
        check(!stopping, "the run is being stopped");
        try {
            return start.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stopChildren() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        ProcessHandle.current().descendants().forEach(child -> child.onExit().completeOnTimeout(child, 10,
                TimeUnit.SECONDS).join());
    }

    private synchronized void cleanUp() {
        stopping = true;
        db.values().forEach(Db::close);
        if (statistics != null) {
            statistics.close();
        }
        // everything this run started, at once: the start-alone phase's broker and service and the reference are not
        // the platform's, and they hold connections to the databases dropped below
        stopChildren();
        if (platform != null) {
            platform.close();
        }
        if (!Boolean.getBoolean("bench.keep")) {
            databases.values().forEach(name -> {
                try {
                    postgres.dropDatabase(name);
                } catch (RuntimeException e) {
                    System.out.println("bench: could not drop " + name + ": " + e.getMessage());
                }
            });
        }
    }

}
