package org.reformdesk.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.reformdesk.local.Service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaks the platform in the middle of a burst of overdue tasks and counts every effect afterwards: each
 * overdue event, reminder, order, deduction, lead unit known to the pilot service and unit score exactly once.
 * Each consuming service is killed on its own, while its own effects are still arriving. The default build runs
 * these faults on a short burst ({@code faults.tasks}, default 300; the broker down for
 * {@code faults.broker-down-seconds}, default 10); {@code -Pfaults} runs them at full size with the rest
 * ({@link FaultProfileIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static FaultRig rig;

    @BeforeAll
    static void startThePlatform() {
        rig = new FaultRig();
    }

    @AfterAll
    static void stopThePlatform() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void pilotAndThenNotificationKilledEachInTheMiddleOfItsEffectsLoseAndDoubleNothing() {
        long started = System.nanoTime();
        // the pilot service takes only the burst's new lead units from it, so it dies while those arrive
        CompletableFuture<FaultRig.Burst> seeding = CompletableFuture.supplyAsync(
                () -> rig.seed("kill-pilot-notification", FaultRig.tasks()));
        await().atMost(FaultRig.SETTLE).pollInterval(Duration.ofMillis(20))
                .until(() -> seeding.isDone() || rig.unitsKnownToPilot("kill-pilot-notification") > 0);
        rig.platform.kill(Service.PILOT);
        long pilotLanded = rig.unitsKnownToPilot("kill-pilot-notification");
        rig.platform.restart(Map.of(), Service.PILOT);
        FaultRig.Burst burst = seeding.join();
        System.out.printf("fault:   kill -9 %s with %d of its %d effects in, its units still being entered%n",
                Service.PILOT.module(), pilotLanded, burst.units().size());

        rig.passTheDeadline();
        // a consumer applies a whole Kafka batch at once: its first reminder is as early as a kill can land
        await().atMost(FaultRig.SETTLE).pollInterval(Duration.ofMillis(20)).until(() -> rig.reminders(burst) > 0);
        long notificationLanded = killAndRestart(Service.NOTIFICATION, burst);

        List<FaultRig.Effect> effects = rig.settle(burst);
        FaultRig.report("kill -9 pilot, then notification", effects, started);
        assertThat(pilotLanded).as("pilot killed in the middle of its effects")
                .isLessThan(burst.units().size());
        assertThat(notificationLanded).as("notification killed in the middle of its effects")
                .isLessThan(burst.size());
        assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
    }

    @Test
    @Order(2)
    void inspectionAndThenAssessmentKilledEachInTheMiddleOfItsEffectsLoseAndDoubleNothing() {
        FaultRig.Burst burst = rig.seed("kill-inspection-assessment", FaultRig.tasks());
        long started = System.nanoTime();
        rig.passTheDeadline();
        await().atMost(FaultRig.SETTLE).pollInterval(Duration.ofMillis(20))
                .until(() -> rig.storedBy(Service.INSPECTION, burst).get(0).found() > 0);
        long inspectionLanded = killAndRestart(Service.INSPECTION, burst);
        // the order deductions wait on the orders the restarted inspection service has yet to issue
        long assessmentLanded = killAndRestart(Service.ASSESSMENT, burst);

        List<FaultRig.Effect> effects = rig.settle(burst);
        FaultRig.report("kill -9 inspection, then assessment", effects, started);
        assertThat(inspectionLanded).as("inspection killed in the middle of its effects").isLessThan(burst.size());
        assertThat(assessmentLanded).as("assessment killed in the middle of its effects")
                .isLessThan(2L * burst.size());
        assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
    }

    /** SIGKILLs {@code consumer}, prints how far the burst had come, restarts it; returns its own effects at the kill. */
    private static long killAndRestart(Service consumer, FaultRig.Burst burst) {
        rig.platform.kill(consumer);
        List<FaultRig.Effect> own = rig.storedBy(consumer, burst);
        List<FaultRig.Effect> all = rig.stored(burst);
        long landed = own.stream().mapToLong(FaultRig.Effect::found).sum();
        System.out.printf("fault:   kill -9 %s with %d of its %d effects in (%d of %d stored in all)%n",
                consumer.module(), landed, own.stream().mapToLong(FaultRig.Effect::expected).sum(),
                all.stream().mapToLong(FaultRig.Effect::found).sum(),
                all.stream().mapToLong(FaultRig.Effect::expected).sum());
        rig.platform.restart(Map.of(), consumer);
        rig.realignClock(consumer);
        return landed;
    }

    @Test
    @Order(3)
    void taskServiceKilledBetweenTheOutboxWriteAndThePublishSendsEveryEventOnceAfterRestart() throws SQLException {
        FaultRig.Burst burst = rig.seed("kill-before-publish", FaultRig.tasks());
        rig.awaitQuiet();
        long started = System.nanoTime();
        long unpublished;
        // the relay publishes only under this advisory lock: while the test holds it, the sweep's events stay in the outbox
        try (Connection relayHeld = rig.passTheDeadlineWithTheRelayHeld(burst)) {
            unpublished = rig.unpublishedOverdue(burst);
            rig.platform.kill(Service.TASK);
        }
        System.out.printf("fault:   kill -9 task-service with %d overdue events written, none published%n", unpublished);
        rig.platform.restart(Map.of(), Service.TASK);
        rig.realignClock(Service.TASK);

        List<FaultRig.Effect> effects = rig.settle(burst);
        FaultRig.report("kill -9 task-service before publish", effects, started);
        assertThat(unpublished).isEqualTo(burst.size());
        assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
    }

    @Test
    @Order(4)
    void theBrokerStoppedInTheMiddleOfTheBurstDelaysButLosesAndDoublesNothing() throws SQLException {
        FaultRig.Burst burst = rig.seed("broker-down", FaultRig.tasks());
        UUID unit = burst.units().get(0);
        long started = System.nanoTime();
        long stopped;
        // with a batched relay and batched consumers a 300-task burst was all in before the broker had stopped; so
        // the relay is held off until the sweep has committed the burst, and the broker stops with none of it out
        try (Connection relayHeld = rig.passTheDeadlineWithTheRelayHeld(burst)) {
            rig.platform.stopKafka();
            stopped = System.nanoTime();
        }
        List<FaultRig.Effect> atStop = rig.stored(burst);
        long landedAtStop = atStop.stream().mapToLong(FaultRig.Effect::found).sum();
        long expected = atStop.stream().mapToLong(FaultRig.Effect::expected).sum();
        System.out.printf("fault:   broker stopped with %d overdue events committed, %d published, %d of %d effects "
                        + "stored, for %s%n", burst.size(), burst.size() - rig.unpublishedOverdue(burst), landedAtStop,
                expected, FaultRig.brokerDown());

        // writes go on over REST, into the outbox, while readiness tells the orchestrator the broker is gone
        Set<Service> reportedDown = EnumSet.noneOf(Service.class);
        List<String> written = new ArrayList<>();
        Instant until = Instant.now().plus(FaultRig.brokerDown());
        int i = 0;
        while (Instant.now().isBefore(until)) {
            for (Service service : Service.values()) {
                if (FaultRig.readiness(rig.platform.service(service).baseUrl()) == 503) {
                    reportedDown.add(service);
                }
            }
            written.add(rig.post(Service.TASK, "/api/v1/tasks", Map.of("code", "OUTAGE-" + burst.name() + "-" + i,
                    "title", "断网期间录入 " + i, "leadUnitId", unit.toString(),
                    "responsiblePersonId", UUID.randomUUID().toString(),
                    "deadline", rig.deadline.plusMonths(6).toString()), "outage-" + unit + "-" + i).get("id").asText());
            i++;
            FaultRig.sleep(Duration.ofMillis(500));
        }
        rig.platform.startKafka();
        System.out.printf("fault:   broker back after %d s; %d tasks written meanwhile; readiness DOWN seen on %s%n",
                (System.nanoTime() - stopped) / 1_000_000_000L, written.size(), reportedDown);
        for (Service service : Service.values()) {
            await().atMost(FaultRig.SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> FaultRig.readiness(rig.platform.service(service).baseUrl()) == 200);
        }

        List<FaultRig.Effect> effects = new ArrayList<>(rig.settle(burst));
        long published = rig.count(Service.TASK, """
                SELECT count(*) FROM outbox_event WHERE type = 'reform.task.created.v1' AND published_at IS NOT NULL
                AND aggregate_id = ANY(CAST(? AS text[]))""", written);
        effects.add(FaultRig.Effect.counted("outage writes published", written.size(), published, published));
        FaultRig.report("broker down " + FaultRig.brokerDown().toSeconds() + " s mid-burst", effects, started);
        assertThat(landedAtStop).as("stopped in the middle of the burst").isLessThan(expected);
        assertThat(reportedDown).as("readiness reported the outage").containsAll(EnumSet.allOf(Service.class));
        assertThat(written).isNotEmpty();
        assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
    }
}
