package org.reformdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.reformdesk.local.ApiClient;
import org.reformdesk.local.Platform;
import org.reformdesk.local.Postgres;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;
import org.reformdesk.testing.ConsumerLag;
import org.reformdesk.testing.TokenMint;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * What the fault tests share: the platform as processes with every schedule that is not under test switched
 * off, bursts of overdue tasks seeded over REST, the business clock of every service moved together, and an
 * exact count of every effect a burst should have, read from the services' own databases and their REST API.
 *
 * <p>Every burst runs in the same window of business time: tasks are entered on the first of the current
 * month with a deadline on the 9th, and all clocks move to the 10th, so each burst is overdue at once and
 * nothing else falls due (no due-soon card, no monthly report, no escalation). A restarted service comes
 * back on the system clock, which is in the same month, so its effects are scored in that month too.
 */
final class FaultRig implements AutoCloseable {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** Overdue tasks per lead unit: 10 keep every deduction under its indicator's weight (assessment README). */
    static final int TASKS_PER_UNIT = 10;
    static final List<String> CONSUMER_GROUPS = List.of("notification-service", "inspection-service",
            "assessment-service", "pilot-service");
    static final Duration SETTLE = Duration.ofMinutes(15);
    /** The relay's advisory lock key (OutboxRelay.RELAY_LOCK): holding it keeps every replica from polling. */
    static final long RELAY_LOCK = 0x5265666f726dL;

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    final Postgres postgres = Postgres.fromEnvironment();
    final TokenMint tokens = TokenMint.generate();
    final Map<Service, String> databases = new EnumMap<>(Service.class);
    final Platform platform;
    final LocalDate firstOfMonth = LocalDate.now(CITY).withDayOfMonth(1);
    final LocalDate deadline = firstOfMonth.plusDays(8);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();
    /** Appended to each consumer group's name once the consumers run in fresh groups (the replay fault). */
    private volatile String groupSuffix = "";

    FaultRig() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, "faults_" + service.name().toLowerCase() + "_" + run);
            ports.put(service, Ports.free());
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("reform.time.movable", "true");
        config.put("reform.deadline.sweep-every", "1s");
        // only the deadline sweep is under test: escalations, repeats and month closes would add effects
        config.put("reform.ladder.sweep-every", "off");
        config.put("reform.rectification.sweep-every", "off");
        config.put("reform.reminders.repeat-sweep-every", "off");
        config.put("reform.month-close.every", "off");
        config.put("reform.summaries.sweep-every", "off");
        try {
            platform = Platform.start(new Platform.Settings(ROOT, ROOT.resolve("e2e/target/faults-" + run), postgres,
                    databases, ports, Ports.free(), Ports.free(), tokens.quarkusConfig(), config));
        } catch (RuntimeException e) {
            databases.values().forEach(postgres::dropDatabase);
            throw e;
        }
    }

    static int tasks() {
        return Integer.getInteger("faults.tasks", 300);
    }

    static Duration brokerDown() {
        return Duration.ofSeconds(Integer.getInteger("faults.broker-down-seconds", 10));
    }

    // --- seeding ---------------------------------------------------------------------------------------

    /** A burst: its lead units, one responsible person per unit, and its tasks, none overdue yet. */
    record Burst(String name, List<UUID> units, List<UUID> tasks) {
        int size() {
            return tasks.size();
        }
    }

    /** Enters {@code size} open tasks due on the 9th over REST (retried with their Idempotency-Key). */
    Burst seed(String name, int size) {
        moveClocks(firstOfMonth.atTime(10, 0));
        String prefix = codePrefix(name);
        int unitCount = (size + TASKS_PER_UNIT - 1) / TASKS_PER_UNIT;
        List<UUID> units = parallel(unitCount, i -> UUID.fromString(post(Service.TASK, "/api/v1/units",
                Map.of("code", prefix + "-U" + i, "name", prefix + " unit " + i, "category", "A",
                        "kind", "DEPARTMENT"), prefix + "-unit-" + i).get("id").asText()));
        List<UUID> people = units.stream().map(unit -> UUID.randomUUID()).toList();
        List<UUID> tasks = parallel(size, i -> UUID.fromString(post(Service.TASK, "/api/v1/tasks",
                Map.of("code", prefix + "-T" + i, "title", "故障演练 " + name + " " + i,
                        "leadUnitId", units.get(i / TASKS_PER_UNIT).toString(),
                        "responsiblePersonId", people.get(i / TASKS_PER_UNIT).toString(),
                        "deadline", deadline.toString()), prefix + "-task-" + i).get("id").asText()));
        // the assessment scores a unit by its category, which it learns from the directory
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() ->
                count(Service.ASSESSMENT, "SELECT count(*) FROM assessed_unit WHERE id = ANY(?)", units) == unitCount);
        return new Burst(name, units, tasks);
    }

    /** What the codes of a burst's units and tasks begin with: unique to the burst and to this run. */
    private String codePrefix(String burstName) {
        return burstName.toUpperCase().replaceAll("[^A-Z0-9]", "") + "-" + run;
    }

    /** Moves the business clock of every service (and replica) to {@code localTime} in the city. */
    void moveClocks(java.time.LocalDateTime localTime) {
        Instant now = localTime.atZone(CITY).toInstant();
        for (Service service : Service.values()) {
            platform.api(service, officeToken()).put("/api/v1/clock", Map.of("now", now.toString()));
        }
        replicas.forEach(replica -> moveClock(replica.baseUrl(), now));
    }

    /** The moment every burst falls overdue: the day after the deadline. */
    void passTheDeadline() {
        moveClocks(deadline.plusDays(1).atTime(10, 0));
    }

    /**
     * Passes the deadline with the relay held off: returns once the sweep has committed every overdue event of the
     * burst and none is published, holding the relay's advisory lock on the returned connection until it is closed.
     * The relay sends a commit's rows from memory unless an unpublished row its replica does not hold is waiting,
     * as one left by another replica is: such a row, on a topic no service reads, sends every commit to the poll,
     * which the lock keeps from running. It is published with the rest once the lock is released.
     */
    Connection passTheDeadlineWithTheRelayHeld(Burst burst) throws SQLException {
        Connection lock = connect(Service.TASK);
        try (PreparedStatement hold = lock.prepareStatement("SELECT pg_advisory_lock(?)");
             PreparedStatement waiting = lock.prepareStatement("""
                     INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, occurred_at, payload)
                     VALUES (gen_random_uuid(), 'RelayHeld', ?, 'reform.faults.relay-held.v1', 'reform.faults.v1', now(),
                     '{}')""")) {
            hold.setLong(1, RELAY_LOCK);
            hold.execute();
            waiting.setString(1, burst.name());
            waiting.executeUpdate();
            passTheDeadline();
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                    .until(() -> unpublishedOverdue(burst) == burst.size());
            return lock;
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** After a restart a service runs on the system clock again; this puts it back on the burst's day. */
    void realignClock(Service service) {
        platform.api(service, officeToken()).put("/api/v1/clock",
                Map.of("now", deadline.plusDays(1).atTime(10, 0).atZone(CITY).toInstant().toString()));
    }

    private void moveClock(String baseUrl, Instant now) {
        new ApiClient(baseUrl, officeToken()).put("/api/v1/clock", Map.of("now", now.toString()));
    }

    /** The consumers now run in groups named with {@code suffix}: later faults wait for those to catch up. */
    void consumeInGroupsWith(String suffix) {
        groupSuffix = suffix;
    }

    ServiceProcess startReplica(Service service) {
        ServiceProcess replica = platform.startReplica(service, Ports.free());
        replicas.add(replica);
        return replica;
    }

    void stopReplica(ServiceProcess replica) {
        replicas.remove(replica);
        replica.close();
    }

    // --- counting --------------------------------------------------------------------------------------

    /** One kind of effect: how many were expected, how many were found, how many of those missing or doubled. */
    record Effect(String name, long expected, long found, long lost, long duplicated) {

        /** From rows counted in a database: {@code distinct} of the {@code found} rows are different effects. */
        static Effect counted(String name, long expected, long found, long distinct) {
            return new Effect(name, expected, found, Math.max(0, expected - distinct), found - distinct);
        }

        boolean exact() {
            return lost == 0 && duplicated == 0 && found == expected;
        }
    }

    /** Every effect of a burst, as the services' databases and REST API hold them now. */
    List<Effect> effects(Burst burst) {
        List<Effect> effects = stored(burst);
        effects.add(scores(burst));
        return effects;
    }

    /** The effects of a burst the services' databases hold now; unlike the scores, readable with services down. */
    List<Effect> stored(Burst burst) {
        List<Effect> effects = new ArrayList<>();
        for (Service service : Service.values()) {
            effects.addAll(storedBy(service, burst));
        }
        return effects;
    }

    /** The effects of a burst that {@code service} keeps in its own database. */
    List<Effect> storedBy(Service service, Burst burst) {
        long n = burst.size();
        return switch (service) {
            case TASK -> List.of(effect("overdue events", n, service, """
                    SELECT count(*), count(DISTINCT aggregate_id) FROM outbox_event
                    WHERE type = 'reform.task.overdue.v1' AND aggregate_id = ANY(CAST(? AS text[]))""", burst.tasks()));
            case NOTIFICATION -> List.of(effect("overdue reminders", n, service, """
                    SELECT count(*), count(DISTINCT (recipient_id, subject_id)) FROM reminder
                    WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX' AND subject_id = ANY(?)""", burst.tasks()));
            case INSPECTION -> List.of(effect("first-rung orders", n, service, """
                    SELECT count(*), count(DISTINCT subject_id) FROM supervision_order
                    WHERE rung = 'REMINDER_NOTICE' AND subject_id = ANY(?)""", burst.tasks()));
            case ASSESSMENT -> List.of(effect("overdue deductions", n, service, """
                    SELECT count(*), count(DISTINCT subject_id) FROM score_entry
                    WHERE indicator = 'OVERDUE_TASKS' AND unit_id = ANY(?)""", burst.units()),
                    effect("order deductions", n, service, """
                    SELECT count(*), count(DISTINCT subject_id) FROM score_entry
                    WHERE indicator = 'SUPERVISION_ORDERS' AND unit_id = ANY(?)""", burst.units()));
            // the pilot ledger takes nothing from an overdue task; of a burst it keeps only the new lead units
            case PILOT -> List.of(effect("units known to pilot", burst.units().size(), service, """
                    SELECT count(*), count(DISTINCT id) FROM known_unit WHERE id = ANY(?)""", burst.units()));
        };
    }

    /** How many of the lead units being seeded for {@code burstName} the pilot service knows so far. */
    long unitsKnownToPilot(String burstName) {
        return count(Service.PILOT, "SELECT count(*) FROM known_unit WHERE code LIKE ANY(CAST(? AS text[]))",
                List.of(codePrefix(burstName) + "-U%"));
    }

    /** Each unit's live score over REST: above the expected one means a deduction lost, below one doubled. */
    private Effect scores(Burst burst) {
        String month = deadline.plusDays(1).toString().substring(0, 7);
        ApiClient assessment = platform.api(Service.ASSESSMENT, officeToken());
        long right = 0;
        long below = 0;
        for (UUID unit : burst.units()) {
            JsonNode card = assessment.get("/api/v1/rankings/units/" + unit + "?month=" + month);
            int compared = card.get("score").decimalValue().compareTo(expectedScore(burst, unit));
            right += compared == 0 ? 1 : 0;
            below += compared < 0 ? 1 : 0;
        }
        long units = burst.units().size();
        return new Effect("unit scores (REST)", units, right, units - right - below, below);
    }

    /** Category A: 100, less 2 per overdue task and 0.5 per first-rung order; 75.00 for a unit of 10 tasks. */
    private static BigDecimal expectedScore(Burst burst, UUID unit) {
        int index = burst.units().indexOf(unit);
        int tasks = Math.min(TASKS_PER_UNIT, burst.size() - index * TASKS_PER_UNIT);
        return new BigDecimal("100.00").subtract(new BigDecimal("2.5").multiply(BigDecimal.valueOf(tasks)))
                .setScale(2);
    }

    private Effect effect(String name, long expected, Service service, String sql, List<UUID> ids) {
        long[] counts = counts(service, sql, ids);
        return Effect.counted(name, expected, counts[0], counts[1]);
    }

    long reminders(Burst burst) {
        return count(Service.NOTIFICATION, """
                SELECT count(*) FROM reminder WHERE kind = 'TASK_OVERDUE' AND channel = 'INBOX' AND subject_id = ANY(?)""",
                burst.tasks());
    }

    long unpublishedOverdue(Burst burst) {
        return count(Service.TASK, """
                SELECT count(*) FROM outbox_event WHERE type = 'reform.task.overdue.v1' AND published_at IS NULL
                AND aggregate_id = ANY(CAST(? AS text[]))""", burst.tasks());
    }

    /**
     * Waits until every effect of the burst has landed (or {@link #SETTLE} has passed: then some are lost and
     * the report says so), every consumer has caught up and every outbox is drained, so that a duplicate still
     * on its way has arrived too; then counts. A service that dies meanwhile fails it at once, saying why.
     */
    List<Effect> settle(Burst burst) {
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                platform.assertRunning();
                return effects(burst).stream().allMatch(e -> e.lost() == 0);
            });
        } catch (ConditionTimeoutException lost) {
            System.out.printf("fault: %s: not every effect arrived within %s%n", burst.name(), SETTLE);
        }
        awaitQuiet();
        return effects(burst);
    }

    /** Every outbox published and every consumer group of the platform caught up with every topic. */
    void awaitQuiet() {
        awaitQuiet(CONSUMER_GROUPS.stream().map(group -> group + groupSuffix).toArray(String[]::new));
    }

    /** Every outbox published and the given consumer groups caught up with every topic. */
    void awaitQuiet(String... groups) {
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            platform.assertRunning();
            for (Service service : Service.values()) {
                if (count(service, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL", List.of()) > 0) {
                    return false;
                }
            }
            return true;
        });
        ConsumerLag.awaitCaughtUp(platform.bootstrapServers(), SETTLE, groups);
    }

    /** Prints the fault's line and, below it, each effect's. */
    static void report(String fault, List<Effect> effects, long startedNanos) {
        System.out.printf("fault: %-36s expected %6d  found %6d  lost %d  duplicated %d  (took %d s)%n", fault,
                effects.stream().mapToLong(Effect::expected).sum(), effects.stream().mapToLong(Effect::found).sum(),
                effects.stream().mapToLong(Effect::lost).sum(), effects.stream().mapToLong(Effect::duplicated).sum(),
                (System.nanoTime() - startedNanos) / 1_000_000_000L);
        effects.forEach(e -> System.out.printf("fault:     %-32s expected %6d  found %6d  lost %d  duplicated %d%n",
                e.name(), e.expected(), e.found(), e.lost(), e.duplicated()));
    }

    // --- database and HTTP -----------------------------------------------------------------------------

    long count(Service service, String sql, List<?> ids) {
        return counts(service, sql, ids)[0];
    }

    private long[] counts(Service service, String sql, List<?> ids) {
        try (Connection connection = connect(service); PreparedStatement query = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                query.setArray(1, connection.createArrayOf(sql.contains("text[]") ? "text" : "uuid",
                        ids.stream().map(id -> sql.contains("text[]") ? id.toString() : id).toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                int columns = rows.getMetaData().getColumnCount();
                return columns == 1 ? new long[] {rows.getLong(1)} : new long[] {rows.getLong(1), rows.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(databases.get(service)), postgres.user(),
                postgres.password());
    }

    String officeToken() {
        return tokens.token("office", null, List.of("reform-office"));
    }

    JsonNode post(Service service, String path, Object body, String idempotencyKey) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return platform.api(service, officeToken()).post(path, body, idempotencyKey);
            } catch (IllegalStateException e) {
                if (e.getMessage().contains(" -> 4")) {
                    throw e; // refused: the same request will be refused again
                }
                last = e;
                sleep(Duration.ofMillis(500L << attempt));
            }
        }
        throw last;
    }

    /** The HTTP status of {@code /q/health/ready}, 0 where nothing answers. */
    static int readiness(String baseUrl) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Runs {@code count} calls on four threads; returns their results in index order. */
    static <T> List<T> parallel(int count, java.util.function.IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.MINUTES));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        replicas.forEach(ServiceProcess::close);
        platform.close();
        databases.values().forEach(postgres::dropDatabase);
    }
}
