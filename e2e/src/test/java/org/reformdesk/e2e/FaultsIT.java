package org.reformdesk.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.reformdesk.local.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaks the platform in the middle of a burst of overdue tasks and counts every effect afterwards: each
 * overdue event, reminder, order, deduction and unit score exactly once. The default build runs these three
 * faults on a short burst ({@code faults.tasks}, default 300; the broker down for
 * {@code faults.broker-down-seconds}, default 10); {@code -Pfaults} runs them at full size with the rest
 * ({@link FaultProfileIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Service[] CONSUMERS = {Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT,
            Service.PILOT};

    private static FaultBench bench;

    @BeforeAll
    static void startThePlatform() {
        bench = new FaultBench();
    }

    @AfterAll
    static void stopThePlatform() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    @Order(1)
    void everyConsumingServiceKilledInTheMiddleOfTheBurstLosesAndDoublesNothing() {
        FaultBench.Burst burst = bench.seed("kill-consumers", FaultBench.tasks());
        long started = System.nanoTime();
        bench.passTheDeadline();
        // consumers apply a whole Kafka batch at once, so the first reminder may come with all of them: kill then,
        // while the orders and deductions downstream are still on their way
        await().atMost(FaultBench.SETTLE).pollInterval(Duration.ofMillis(20)).until(() -> bench.reminders(burst) > 0);
        for (Service consumer : CONSUMERS) {
            bench.platform.kill(consumer);
        }
        List<FaultBench.Effect> atKill = bench.stored(burst);
        long landedAtKill = atKill.stream().mapToLong(FaultBench.Effect::found).sum();
        long expected = atKill.stream().mapToLong(FaultBench.Effect::expected).sum();
        System.out.printf("fault:   kill -9 %s with %d of %d effects in%n", List.of(CONSUMERS), landedAtKill, expected);
        bench.platform.restart(Map.of(), CONSUMERS);
        for (Service consumer : CONSUMERS) {
            bench.realignClock(consumer);
        }

        List<FaultBench.Effect> effects = bench.settle(burst);
        FaultBench.report("kill -9 consumers mid-burst", effects, started);
        assertThat(landedAtKill).as("killed in the middle of the burst").isLessThan(expected);
        assertThat(effects).allMatch(FaultBench.Effect::exact, "exactly once");
    }

    @Test
    @Order(2)
    void taskServiceKilledBetweenTheOutboxWriteAndThePublishSendsEveryEventOnceAfterRestart() throws SQLException {
        FaultBench.Burst burst = bench.seed("kill-before-publish", FaultBench.tasks());
        bench.awaitQuiet();
        long started = System.nanoTime();
        long unpublished;
        // the relay publishes only under this advisory lock: while the test holds it, the sweep's events stay in the outbox
        try (Connection lock = bench.connect(Service.TASK)) {
            try (PreparedStatement hold = lock.prepareStatement("SELECT pg_advisory_lock(?)")) {
                hold.setLong(1, FaultBench.RELAY_LOCK);
                hold.execute();
            }
            bench.passTheDeadline();
            await().atMost(FaultBench.SETTLE).pollInterval(Duration.ofMillis(100))
                    .until(() -> bench.unpublishedOverdue(burst) == burst.size());
            unpublished = bench.unpublishedOverdue(burst);
            bench.platform.kill(Service.TASK);
        }
        System.out.printf("fault:   kill -9 task-service with %d overdue events written, none published%n", unpublished);
        bench.platform.restart(Map.of(), Service.TASK);
        bench.realignClock(Service.TASK);

        List<FaultBench.Effect> effects = bench.settle(burst);
        FaultBench.report("kill -9 task-service before publish", effects, started);
        assertThat(unpublished).isEqualTo(burst.size());
        assertThat(effects).allMatch(FaultBench.Effect::exact, "exactly once");
    }

    @Test
    @Order(3)
    void theBrokerStoppedInTheMiddleOfTheBurstDelaysButLosesAndDoublesNothing() {
        FaultBench.Burst burst = bench.seed("broker-down", FaultBench.tasks());
        UUID unit = burst.units().get(0);
        long started = System.nanoTime();
        bench.passTheDeadline();
        await().atMost(FaultBench.SETTLE).pollInterval(Duration.ofMillis(20))
                .until(() -> bench.reminders(burst) >= burst.size() / 5);
        bench.platform.stopKafka();
        long stopped = System.nanoTime();
        System.out.printf("fault:   broker stopped with %d of %d reminders in, for %s%n", bench.reminders(burst),
                burst.size(), FaultBench.brokerDown());

        // writes go on over REST, into the outbox, while readiness tells the orchestrator the broker is gone
        Set<Service> reportedDown = EnumSet.noneOf(Service.class);
        List<String> written = new ArrayList<>();
        Instant until = Instant.now().plus(FaultBench.brokerDown());
        int i = 0;
        while (Instant.now().isBefore(until)) {
            for (Service service : Service.values()) {
                if (FaultBench.readiness(bench.platform.service(service).baseUrl()) == 503) {
                    reportedDown.add(service);
                }
            }
            written.add(bench.post(Service.TASK, "/api/v1/tasks", Map.of("code", "OUTAGE-" + burst.name() + "-" + i,
                    "title", "断网期间录入 " + i, "leadUnitId", unit.toString(),
                    "responsiblePersonId", UUID.randomUUID().toString(),
                    "deadline", bench.deadline.plusMonths(6).toString()), "outage-" + unit + "-" + i).get("id").asText());
            i++;
            FaultBench.sleep(Duration.ofMillis(500));
        }
        bench.platform.startKafka();
        System.out.printf("fault:   broker back after %d s; %d tasks written meanwhile; readiness DOWN seen on %s%n",
                (System.nanoTime() - stopped) / 1_000_000_000L, written.size(), reportedDown);
        for (Service service : Service.values()) {
            await().atMost(FaultBench.SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> FaultBench.readiness(bench.platform.service(service).baseUrl()) == 200);
        }

        List<FaultBench.Effect> effects = new ArrayList<>(bench.settle(burst));
        long published = bench.count(Service.TASK, """
                SELECT count(*) FROM outbox_event WHERE type = 'reform.task.created.v1' AND published_at IS NOT NULL
                AND aggregate_id = ANY(CAST(? AS text[]))""", written);
        effects.add(FaultBench.Effect.counted("outage writes published", written.size(), published, published));
        FaultBench.report("broker down " + FaultBench.brokerDown().toSeconds() + " s mid-burst", effects, started);
        assertThat(reportedDown).as("readiness reported the outage").containsAll(EnumSet.allOf(Service.class));
        assertThat(written).isNotEmpty();
        assertThat(effects).allMatch(FaultBench.Effect::exact, "exactly once");
    }
}
