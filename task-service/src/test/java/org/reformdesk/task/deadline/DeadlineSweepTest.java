package org.reformdesk.task.deadline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.MilestoneOverdue;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

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
        UUID task = LedgerFixtures.task(Map.of("title", "深化行政审批制度改革", "leadUnitId", unit.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", deadline.toString(),
                "policyAreas", List.of("社会民生", "生态文明")));

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
        // assessment counts the month's overdue tasks by policy area from these
        assertThat(payload.policyAreas()).containsExactly("社会民生", "生态文明");
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

        UUID soon = LedgerFixtures.task(unit, deadline.plusDays(3));

        CompletableFuture<DeadlineSweep.Result> one = CompletableFuture.supplyAsync(sweep::sweep);
        CompletableFuture<DeadlineSweep.Result> two = CompletableFuture.supplyAsync(sweep::sweep);

        assertThat(one.join().overdue() + two.join().overdue()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                tasks.ofType("reform.task.overdue.v1", first.toString()).size() == 1
                        && tasks.ofType("reform.task.overdue.v1", second.toString()).size() == 1
                        && dueSoon(soon).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                tasks.ofType("reform.task.overdue.v1", first.toString()).size() == 1
                        && tasks.ofType("reform.task.overdue.v1", second.toString()).size() == 1
                        && dueSoon(soon).size() == 1);
    }

    @Test
    void moreOverdueTasksThanAPageHoldsAreEachSignalledOnce() {
        // the test profile's pages hold three candidates (reform.deadline.batch-size)
        UUID unit = LedgerFixtures.unit("B", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(20);
        List<UUID> late = IntStream.range(0, 7).mapToObj(i -> LedgerFixtures.task(unit, deadline)).toList();
        moveTo(deadline.plusDays(1));

        assertThat(sweep.sweep().overdue()).isGreaterThanOrEqualTo(late.size());
        assertThat(sweep.sweep().overdue()).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> late.stream()
                .allMatch(task -> tasks.ofType("reform.task.overdue.v1", task.toString()).size() == 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> late.stream()
                .allMatch(task -> tasks.ofType("reform.task.overdue.v1", task.toString()).size() == 1));
    }

    @Test
    void dueSoonGoesOutOnceAtEachReminderOffset() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);

        sweep.sweep();
        moveTo(deadline.minusDays(7));
        sweep.sweep();
        sweep.sweep();
        moveTo(deadline.minusDays(5));
        sweep.sweep();
        moveTo(deadline.minusDays(2));
        sweep.sweep();
        moveTo(deadline);
        sweep.sweep();
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15)).until(() -> dueSoon(task).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> dueSoon(task).size() == 3);
        assertThat(dueSoon(task)).extracting(TaskDueSoon::daysLeft).containsExactly(7, 2, 0);
        assertThat(dueSoon(task)).allSatisfy(event -> {
            assertThat(event.dueOn()).isEqualTo(deadline);
            assertThat(event.milestone()).isNull();
        });
    }

    @Test
    void aMilestoneIsRemindedAndSignalledOverdueOnceUnlessItWasReached() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate due = clock.today().plusDays(20);
        UUID task = LedgerFixtures.task(Map.of("title", "推进综合行政执法改革", "leadUnitId", unit.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", due.plusDays(100).toString(),
                "milestones", List.of(Map.of("name", "出台方案", "dueOn", due.toString()),
                        Map.of("name", "完成试点", "dueOn", due.toString()))));
        String reached = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().extract().path("milestones.find { it.name == '完成试点' }.id");
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON).body(Map.of("done", true))
                .put("/api/v1/tasks/{id}/milestones/{m}", task, reached).then().statusCode(200);

        moveTo(due.minusDays(1));
        sweep.sweep();
        moveTo(due.plusDays(1));
        sweep.sweep();
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15)).until(() -> dueSoon(task).size() == 1
                && tasks.ofType("reform.task.milestone-overdue.v1", task.toString()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> dueSoon(task).size() == 1
                && tasks.ofType("reform.task.milestone-overdue.v1", task.toString()).size() == 1);
        assertThat(dueSoon(task).get(0).milestone()).isEqualTo("出台方案");
        MilestoneOverdue overdue = (MilestoneOverdue) EventCodec.instance().decode("reform.task.milestone-overdue.v1",
                tasks.ofType("reform.task.milestone-overdue.v1", task.toString()).get(0).data()).orElseThrow();
        assertThat(overdue.milestone()).isEqualTo("出台方案");
        assertThat(overdue.dueOn()).isEqualTo(due);
    }

    @Test
    void aSuspendedTaskIsNeverSignalledAndAnAdjustedDeadlineIsANewOccasion() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID suspended = LedgerFixtures.task(unit, deadline);
        UUID adjusted = LedgerFixtures.task(unit, deadline);
        LedgerFixtures.move(suspended, "SUSPEND", "待上级部署统一启动");

        moveTo(deadline.plusDays(1));
        sweep.sweep();
        LocalDate later = deadline.plusDays(30);
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("deadline", later.toString(), "reason", "动态调整"))
                .post("/api/v1/tasks/{id}/deadline-adjustments", adjusted).then().statusCode(200);
        moveTo(later.plusDays(1));
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> tasks.ofType("reform.task.overdue.v1", adjusted.toString()).size() == 2);
        assertThat(tasks.ofType("reform.task.overdue.v1", suspended.toString())).isEmpty();
        assertThat(dueSoon(suspended)).isEmpty();
    }

    @Test
    void creatingATaskPublishesItOnTheTasksTopic() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(90));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> tasks.ofType("reform.task.created.v1", task.toString()).size() == 1);
    }

    private static List<TaskDueSoon> dueSoon(UUID task) {
        return tasks.ofType("reform.task.due-soon.v1", task.toString()).stream()
                .map(r -> (TaskDueSoon) EventCodec.instance().decode(r.type(), r.data()).orElseThrow()).toList();
    }

    private void moveTo(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }
}
