package org.reformdesk.task.deadline;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class DeadlineSweepTest {

    private static EventProbe tasks;

    @Inject
    DeadlineSweep sweep;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void listen() {
        tasks = EventProbe.on(Topics.TASKS);
    }

    @AfterAll
    static void stopListening() {
        tasks.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTaskPastItsDeadlineIsSignalledOverdueOnceHoweverOftenTheSweepRuns() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);

        sweep.sweep();
        moveTo(deadline);
        sweep.sweep();
        moveTo(deadline.plusDays(1));
        sweep.sweep();
        sweep.sweep();
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/deadline-sweeps").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> !tasks.ofType("reform.task.overdue.v1", task.toString()).isEmpty());
        EventProbe.Recorded overdue = tasks.ofType("reform.task.overdue.v1", task.toString()).get(0);
        TaskOverdue payload = (TaskOverdue) EventCodec.instance().decode(overdue.type(), overdue.data()).orElseThrow();
        assertThat(payload.leadUnitId()).isEqualTo(unit);
        assertThat(payload.deadline()).isEqualTo(deadline);
        assertThat(overdue.key()).isEqualTo(task.toString());
        assertThat(overdue.headers()).containsKeys("ce_id", "ce_source", "ce_specversion", "ce_time");
        // give a duplicate every chance to show up before asserting there is none
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> tasks.ofType("reform.task.overdue.v1", task.toString()).size() == 1);
    }

    @Test
    void twoSweepsRunningAtOnceSignalEachTaskOnce() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(5);
        UUID first = LedgerFixtures.task(unit, deadline);
        UUID second = LedgerFixtures.task(unit, deadline);
        moveTo(deadline.plusDays(2));

        CompletableFuture<DeadlineSweep.Result> one = CompletableFuture.supplyAsync(sweep::sweep);
        CompletableFuture<DeadlineSweep.Result> two = CompletableFuture.supplyAsync(sweep::sweep);

        assertThat(one.join().overdue() + two.join().overdue()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                tasks.ofType("reform.task.overdue.v1", first.toString()).size() == 1
                        && tasks.ofType("reform.task.overdue.v1", second.toString()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                tasks.ofType("reform.task.overdue.v1", first.toString()).size() == 1
                        && tasks.ofType("reform.task.overdue.v1", second.toString()).size() == 1);
    }

    @Test
    void creatingATaskPublishesItOnTheTasksTopic() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(90));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> tasks.ofType("reform.task.created.v1", task.toString()).size() == 1);
    }

    private void moveTo(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }
}
