package org.reformdesk.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.reformdesk.local.Platform;
import org.reformdesk.local.Postgres;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Service;
import org.reformdesk.testing.TokenMint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
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
 * One sitting of the bench, shared by its scenarios: Kafka and the five packaged services as processes on fresh
 * databases of the local PostgreSQL, the seed-like city loaded into them, the figures sink, and what more than one
 * scenario needs to read or wait for (settled outboxes and consumer groups, each overdue task's effects, CPU time,
 * the services' movable clocks).
 */
final class BenchRun {

    static final String OVERDUE = "reform.task.overdue.v1";
    static final String MACHINE = "the whole machine";
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    final Path root;
    final Path target;
    final Figures figures = new Figures();
    /** Each scenario's size: {@code -Dbench.tasks} (10,000) overdue tasks in the burst, and orders in escalation. */
    final int tasks = Integer.getInteger("bench.tasks", 10_000);

    private final String seed = System.getProperty("bench.seed", "sql");
    private final Duration settleTimeout = Duration.ofSeconds(Long.getLong("bench.timeout.seconds", 600));
    private final Duration readyTimeout = Duration.ofSeconds(Long.getLong("bench.ready.seconds", 300));
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Postgres postgres = Postgres.fromEnvironment();
    private final TokenMint tokens = TokenMint.generate();
    private final Rest rest = new Rest(tokens.token("office", null, List.of("reform-office")));
    private final Map<Service, String> databases = new EnumMap<>(Service.class);
    private final Map<Service, Db> db = new EnumMap<>(Service.class);
    private Db statistics;
    private Amplification amplification;
    private Platform platform;
    /** Set when the run is being stopped; guarded by this, as starting processes is. */
    private boolean stopping;
    private Map<Service, Duration> startedTogether;
    private List<City.Unit> units;
    /** The units' heads: each is the responsible person of the tasks their unit leads. */
    private Set<UUID> responsible = Set.of();
    private LocalDate today;
    /** Where the last scenario moved every service's clock; null while it is the system clock. */
    private Instant clock;
    private Map<Service, Long> residentAfterBurst;

    BenchRun(Path root) {
        this.root = root;
        this.target = root.resolve("bench/target");
    }

    String id() {
        return id;
    }

    /** Starts the platform on fresh databases and loads the directory over REST, as a reform office would. */
    void start() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, "bench_" + service.name().toLowerCase() + "_" + id);
            ports.put(service, Ports.free());
        }
        // the benchmark sweeps itself, so the services' schedules must not beat it to the work it times
        Map<String, String> config = Map.of("reform.time.movable", "true", "reform.deadline.sweep-every", "off",
                "reform.ladder.sweep-every", "off", "reform.rectification.sweep-every", "off",
                "reform.summaries.sweep-every", "off", "reform.reminders.repeat-sweep-every", "off");
        platform = starting(() -> Platform.start(new Platform.Settings(root, work(), postgres, databases, ports,
                Ports.free(), Ports.free(), tokens.quarkusConfig(), config), readyTimeout));
        for (Service service : Service.values()) {
            db.put(service, new Db(postgres.jdbcUrl(databases.get(service)), postgres.user(), postgres.password()));
        }
        // the server's statistics are read from a database of none of the services, so reading them writes nothing there
        statistics = new Db(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
        amplification = new Amplification(databases, db, statistics);
        startedTogether = platform.startTimes();
        units = City.loadDirectory(rest, url(Service.TASK));
        responsible = units.stream().map(City.Unit::head).collect(Collectors.toSet());
        today = LocalDate.parse(rest.get(url(Service.TASK) + "/api/v1/clock").path("today").asText());
        System.out.printf("bench: loaded %d units and %d people over REST%n", units.size(), units.size() * 2);
        figures.context("seed", seed.equals("rest") ? "tasks over REST" : "tasks in SQL into task-service's database");
    }

    /** Waits until the seed has reached every consumer: the directory in assessment and notification. */
    void awaitSeed() {
        awaitSettled("the seed");
        // a consumer group that has not committed yet shows no lag, so wait for the directory's effect itself
        await("assessment to know every unit of the directory",
                () -> db.get(Service.ASSESSMENT).count("SELECT count(*) FROM assessed_unit") == units.size());
        await("notification to know every person of the directory", () -> db.get(Service.NOTIFICATION)
                .count("SELECT count(*) FROM directory_person") == units.size() * 2L);
    }

    /**
     * {@code count} open tasks due on {@code deadline}, led round-robin by the units, each with its id and lead unit:
     * in SQL into task-service's database unless {@code -Dbench.seed=rest} (then over REST, minutes at full size).
     */
    Map<UUID, UUID> seedTasks(String prefix, int count, LocalDate deadline) {
        long start = System.nanoTime();
        boolean overRest = seed.equals("rest");
        Map<UUID, UUID> seeded = overRest ? City.createTasks(rest, url(Service.TASK), units, prefix, count, deadline)
                : City.insertTasks(db.get(Service.TASK), units, prefix, count, deadline);
        System.out.printf("bench: seeded %d %s tasks %s in %.1f s%n", count, prefix,
                overRest ? "over REST" : "in SQL (-Dbench.seed=rest: over REST)", (System.nanoTime() - start) / 1e9);
        return seeded;
    }

    /** Stops the platform: what runs after it (starting alone, the reference) must not share the machine with it. */
    void stopPlatform() {
        platform.close();
        platform = null;
    }

    Map<Service, Duration> startedTogether() {
        return startedTogether;
    }

    Duration readyTimeout() {
        return readyTimeout;
    }

    Postgres postgres() {
        return postgres;
    }

    TokenMint tokens() {
        return tokens;
    }

    String database(Service service) {
        return databases.get(service);
    }

    Path work() {
        return target.resolve("platform-" + id);
    }

    Rest rest() {
        return rest;
    }

    Db db(Service service) {
        return db.get(service);
    }

    Amplification amplification() {
        return amplification;
    }

    String bootstrapServers() {
        return platform.bootstrapServers();
    }

    List<City.Unit> units() {
        return units;
    }

    /** The units' heads: each answers for the tasks their unit leads. */
    Set<UUID> responsible() {
        return responsible;
    }

    /** The day the platform started on, by task-service's clock. */
    LocalDate today() {
        return today;
    }

    String url(Service service) {
        return platform.service(service).baseUrl();
    }

    /** Moves every service's clock to {@code to}. */
    void moveClocks(Instant to) {
        for (Service service : Service.values()) {
            rest.put(url(service) + "/api/v1/clock", Map.of("now", to.toString()));
        }
        clock = to;
    }

    /** Where the services' clocks were last moved, or now when they were not. */
    Instant clock() {
        return clock == null ? Instant.now() : clock;
    }

    /** Each service's resident memory now, kept as the figure the footprint reports. */
    void keepResidentMemoryAfterBurst() {
        residentAfterBurst = residentMemory();
    }

    /** The services' resident memory after the burst, or null when no burst ran. */
    Map<Service, Long> residentAfterBurst() {
        return residentAfterBurst;
    }

    Map<Service, Long> residentMemory() {
        Map<Service, Long> resident = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            resident.put(service, platform.service(service).residentMemoryMiB());
        }
        return resident;
    }

    /** 09:00 in the city on {@code day}: when the office's day starts. */
    static Instant morningOf(LocalDate day) {
        return day.atTime(9, 0).atZone(CITY_ZONE).toInstant();
    }

    // ---- each overdue task's effects, counted in the services' own databases

    /**
     * Every overdue event, inbox overdue reminder, first-rung order and overdue deduction, whatever its task. Cheap to
     * count, unlike the exact counts of {@link #awaitEffects}: those match 10,000 ids in four databases, some 0.3 s of
     * PostgreSQL each time, and polled every 100 ms they took a core from the services the burst measures.
     */
    Map<String, Long> effectTotals() {
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
    void awaitEffects(String phase, Set<UUID> taskIds, Set<UUID> affectedUnits, Map<String, Long> before) {
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
    Map<UUID, UUID> overdueEvents(Set<UUID> taskIds) {
        Db task = db.get(Service.TASK);
        return task.pairs("""
                SELECT id, CAST(aggregate_id AS uuid) FROM outbox_event WHERE type = ?
                AND CAST(aggregate_id AS uuid) = ANY(?)""", OVERDUE, task.uuids(taskIds));
    }

    /** The lead units of these tasks. */
    static Set<UUID> leadUnits(Map<UUID, UUID> tasks) {
        return new HashSet<>(tasks.values());
    }

    /**
     * CPU seconds used so far by each service, by PostgreSQL's processes and by the whole machine (from /proc/stat;
     * the rest is Kafka, this benchmark and the system): on two cores the burst is bound by the sum.
     */
    Map<String, Double> cpuSeconds() {
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

    /** Each service's clock offset from the system clock, read over REST and corrected by half the round trip. */
    Map<Service, Duration> offsets() {
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

    // ---- waiting

    /** Waits until every outbox is drained and every consumer group has read everything. */
    void awaitSettled(String what) {
        try (Admin admin = admin()) {
            awaitSettled(what, admin);
        }
    }

    /** The work done so far (records, rows, transactions), once the platform has settled. */
    Amplification.Snapshot settledWork(String what) {
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

    /** Polls {@code condition} every 250 ms until it holds; fails after {@code -Dbench.timeout.seconds} (600). */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (!condition.getAsBoolean()) {
            check(System.nanoTime() < deadline, "timed out after %s waiting for %s (a loss?)", settleTimeout, what);
            // the figures come from the databases' timestamps, not from when a poll noticed: poll gently
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    static void check(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new IllegalStateException(message.formatted(args));
        }
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    static String machine() {
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

    // ---- processes

    /**
     * Starts processes of the run unless the run is being stopped. Stopped mid-run (Ctrl-C, kill), the main thread
     * goes on while the shutdown hook runs; holding the same lock, a start happens either before the hook, which then
     * stops it, or not at all.
     */
    synchronized <T> T starting(Callable<T> start) {
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

    /** Stops everything this run started and drops its databases (unless {@code -Dbench.keep=true}). */
    synchronized void cleanUp() {
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
