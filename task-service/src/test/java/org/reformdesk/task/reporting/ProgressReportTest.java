package org.reformdesk.task.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ProgressReported;
import org.reformdesk.events.ReportDueSoon;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.task.deadline.DeadlineSweep;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ProgressReportTest {

    private static EventProbe tasks;

    @Inject
    ServiceClock clock;

    @Inject
    DeadlineSweep sweep;

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
    void aSecondReportForTheMonthUpdatesItAndKeepsTheFirst() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();
        String officer = TestTokens.unitOfficer(unit);

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(report(period, 20, "完成调研摸底"))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(201).body("revision", equalTo(1)).body("percent", equalTo(20));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(report(period, 35, "形成方案初稿"))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(200).body("revision", equalTo(2)).body("percent", equalTo(35));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].narrative", equalTo("形成方案初稿"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/reports/{p}", task, period)
                .then().statusCode(200).body("revisions.percent", equalTo(List.of(20, 35)))
                .body("revisions[0].evidence", equalTo(List.of("files/2026/调研报告.pdf")));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tasks.ofType("reform.task.progress-reported.v1", task.toString()).size() == 2);
        ProgressReported latest = (ProgressReported) EventCodec.instance().decode("reform.task.progress-reported.v1",
                tasks.ofType("reform.task.progress-reported.v1", task.toString()).get(1).data()).orElseThrow();
        assertThat(latest.percent()).isEqualTo(35);
        assertThat(latest.period()).isEqualTo(period);
    }

    @Test
    void aRetriedFilingWithTheSameKeyIsNotASecondRevision() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "report-" + task).body(report(period, 50, "推进中"))
                    .post("/api/v1/tasks/{id}/reports", task)
                    .then().statusCode(i == 0 ? 201 : 200).body("revision", equalTo(1));
        }
    }

    @Test
    void badReportsAreProblemsAndStoreNothing() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("period", "2026-13", "percent", 120, "narrative", " "))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("period")).body("errors.field", hasItem("percent"))
                .body("errors.field", hasItem("narrative"));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(report(YearMonth.from(clock.today()).plusMonths(1).toString(), 10, "提前汇报"))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(400).body("errors.field", hasItem("period"));
        given().auth().oauth2(TestTokens.unitOfficer(LedgerFixtures.unit("A", "DEPARTMENT"))).contentType(ContentType.JSON)
                .body(report(YearMonth.from(clock.today()).toString(), 10, "越权汇报"))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/reports", task)
                .then().body("size()", equalTo(0));
    }

    @Test
    void aCancelledTaskTakesNoReports() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        LedgerFixtures.move(task, "CANCEL", "调整出年度计划");

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(report(YearMonth.from(clock.today()).toString(), 10, "汇报"))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aReportNotInByTheReportDayIsSignalledOnceEvenWithTwoSweepsAtOnce() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        UUID silent = LedgerFixtures.task(unit, clock.today().plusYears(1));
        UUID diligent = LedgerFixtures.task(unit, clock.today().plusYears(1));
        YearMonth next = YearMonth.from(clock.today()).plusMonths(1);
        moveTo(next.atDay(3));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(report(next.toString(), 30, "按计划推进"))
                .post("/api/v1/tasks/{id}/reports", diligent).then().statusCode(201).body("late", equalTo(false));

        sweep.sweep();
        moveTo(next.atDay(26));
        CompletableFuture<DeadlineSweep.Result> one = CompletableFuture.supplyAsync(sweep::sweep);
        CompletableFuture<DeadlineSweep.Result> two = CompletableFuture.supplyAsync(sweep::sweep);
        assertThat(one.join().reportsOverdue() + two.join().reportsOverdue()).isGreaterThanOrEqualTo(1);
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> tasks.ofType("reform.task.report-overdue.v1", silent.toString()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> tasks.ofType("reform.task.report-overdue.v1", silent.toString()).size() == 1);
        assertThat(tasks.ofType("reform.task.report-overdue.v1", diligent.toString())).isEmpty();
        ReportOverdue overdue = (ReportOverdue) EventCodec.instance().decode("reform.task.report-overdue.v1",
                tasks.ofType("reform.task.report-overdue.v1", silent.toString()).get(0).data()).orElseThrow();
        assertThat(overdue.period()).isEqualTo(next.toString());
        assertThat(overdue.dueOn()).isEqualTo(next.atDay(25));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(report(next.toString(), 30, "补报"))
                .post("/api/v1/tasks/{id}/reports", silent).then().statusCode(201).body("late", equalTo(true));
    }

    @Test
    void aReportNotYetInIsRemindedOnceAtEachOffsetBeforeTheReportDay() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        UUID silent = LedgerFixtures.task(unit, clock.today().plusYears(1));
        UUID diligent = LedgerFixtures.task(unit, clock.today().plusYears(1));
        YearMonth next = YearMonth.from(clock.today()).plusMonths(1);
        LocalDate reportDay = next.atDay(25);

        moveTo(reportDay.minusDays(7));
        sweep.sweep();
        sweep.sweep();
        moveTo(reportDay.minusDays(5));
        assertThat(sweep.sweep().reportsDueSoon()).isZero();
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(report(next.toString(), 30, "按计划推进"))
                .post("/api/v1/tasks/{id}/reports", diligent).then().statusCode(201);
        moveTo(reportDay.minusDays(2));
        sweep.sweep();
        moveTo(reportDay);
        sweep.sweep();
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15)).until(() -> reportsDueSoon(silent).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> reportsDueSoon(silent).size() == 3);
        assertThat(reportsDueSoon(silent)).extracting(ReportDueSoon::daysLeft).containsExactly(7, 2, 0);
        assertThat(reportsDueSoon(silent)).allSatisfy(due -> {
            assertThat(due.period()).isEqualTo(next.toString());
            assertThat(due.dueOn()).isEqualTo(reportDay);
            assertThat(due.leadUnitId()).isEqualTo(unit);
        });
        assertThat(reportsDueSoon(diligent)).extracting(ReportDueSoon::daysLeft).containsExactly(7);
    }

    private static List<ReportDueSoon> reportsDueSoon(UUID task) {
        return tasks.ofType("reform.task.report-due-soon.v1", task.toString()).stream()
                .map(r -> (ReportDueSoon) EventCodec.instance().decode(r.type(), r.data()).orElseThrow()).toList();
    }

    private static Map<String, Object> report(String period, int percent, String narrative) {
        return Map.of("period", period, "percent", percent, "narrative", narrative, "problems", "资金未到位",
                "nextSteps", "报市委深改委审议", "evidence", List.of("files/2026/调研报告.pdf"));
    }

    private void moveTo(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }
}
