package org.reformdesk.pilot.summaries;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.PilotSummaryDueSoon;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.pilot.PilotFixtures;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
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
class SummarySweepTest {

    private static EventProbe pilots;

    @Inject
    SummarySweep sweep;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void listen() {
        pilots = EventProbe.on(Topics.PILOTS);
    }

    @AfterAll
    static void stopListening() {
        pilots.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aMissingSummaryIsSignalledOnceTheDayAfterItsDueDayAndASubmittedOneNever() {
        UUID unit = UUID.randomUUID();
        String pilot = PilotFixtures.running(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        moveTo(LocalDate.of(2026, 2, 5));
        sweep.sweep();
        assertThat(overdue(pilot)).isEmpty();

        moveTo(LocalDate.of(2026, 2, 6));
        sweep.sweep();
        sweep.sweep();
        moveTo(LocalDate.of(2026, 3, 4));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", "MONTHLY_SUMMARY", "period", "2026-02", "content", "二月完成确权登记 60%"))
                .post("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(201).body("state", equalTo("SUBMITTED"));
        moveTo(LocalDate.of(2026, 3, 6));
        sweep.sweep();

        await().atMost(Duration.ofSeconds(20)).until(() -> overdue(pilot).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> overdue(pilot).size() == 1);
        PilotSummaryOverdue missing = overdue(pilot).get(0);
        assertThat(missing.kind()).isEqualTo("MONTHLY_SUMMARY");
        assertThat(missing.period()).isEqualTo("2026-01");
        assertThat(missing.dueOn()).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(missing.leadUnitId()).isEqualTo(unit);

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(200)
                .body("find { it.period == '2026-01' }.state", equalTo("OVERDUE"))
                .body("find { it.period == '2026-02' }.state", equalTo("SUBMITTED"))
                .body("find { it.period == '2026-Q1' }.state", equalTo("UPCOMING"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("overdueSummaries", true)
                .queryParam("leadUnit", unit).get("/api/v1/pilots")
                .then().body("total", equalTo(1));
    }

    @Test
    void aQuarterEndsWithItsAnalysisOwedAndTwoSweepsAtOnceSignalItOnce() {
        String pilot = PilotFixtures.running(UUID.randomUUID(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        moveTo(LocalDate.of(2026, 4, 6));

        CompletableFuture<SummarySweep.Result> one = CompletableFuture.supplyAsync(sweep::sweep);
        CompletableFuture<SummarySweep.Result> two = CompletableFuture.supplyAsync(sweep::sweep);
        one.join();
        two.join();

        await().atMost(Duration.ofSeconds(20)).until(() -> overdue(pilot).size() == 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> overdue(pilot).size() == 4);
        assertThat(overdue(pilot)).extracting(PilotSummaryOverdue::period)
                .containsExactlyInAnyOrder("2026-01", "2026-02", "2026-03", "2026-Q1");
    }

    @Test
    void aSummaryNotYetInIsRemindedOnceAtEachOffsetBeforeItsDueDay() {
        UUID unit = UUID.randomUUID();
        String silent = PilotFixtures.running(unit, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        String diligent = PilotFixtures.running(unit, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));

        moveTo(LocalDate.of(2027, 1, 29));
        sweep.sweep();
        sweep.sweep();
        moveTo(LocalDate.of(2027, 2, 1));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", "MONTHLY_SUMMARY", "period", "2027-01", "content", "一月完成方案编制"))
                .post("/api/v1/pilots/{id}/summaries", diligent).then().statusCode(201);
        assertThat(sweep.sweep().dueSoon()).isZero();
        moveTo(LocalDate.of(2027, 2, 3));
        sweep.sweep();
        moveTo(LocalDate.of(2027, 2, 5));
        sweep.sweep();

        await().atMost(Duration.ofSeconds(20)).until(() -> dueSoon(silent).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> dueSoon(silent).size() == 3 && dueSoon(diligent).size() == 1);
        assertThat(dueSoon(silent)).extracting(PilotSummaryDueSoon::daysLeft).containsExactly(7, 2, 0);
        assertThat(dueSoon(silent)).allSatisfy(due -> {
            assertThat(due.kind()).isEqualTo("MONTHLY_SUMMARY");
            assertThat(due.period()).isEqualTo("2027-01");
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2027, 2, 5));
        });
        assertThat(overdue(silent)).isEmpty();
    }

    @Test
    void aPilotNotUnderWayOwesNothing() {
        String pilot = PilotFixtures.register(UUID.randomUUID(), "MUNICIPAL", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31));
        PilotFixtures.move(pilot, "APPROVED");
        moveTo(LocalDate.of(2026, 6, 1));

        sweep.sweep();

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MONTHLY_SUMMARY", "period", "2026-01", "content", "一月小结"))
                .post("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(409).contentType("application/problem+json");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> overdue(pilot).isEmpty());
    }

    @Test
    void aSummaryOutsideTheCalendarOrFromAnotherUnitIsRefusedAndAResubmissionUpdates() {
        UUID unit = UUID.randomUUID();
        String pilot = PilotFixtures.running(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MONTHLY_SUMMARY", "period", "2025-12", "content", "十二月"))
                .post("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(400).body("errors.field", hasItem("period"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MONTHLY_SUMMARY", "period", "2026-Q1", "content", "一季度"))
                .post("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(400).body("errors.field", hasItem("period"));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("kind", "QUARTERLY_ANALYSIS", "period", "2026-Q1", "content", "一季度分析"))
                .post("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", "QUARTERLY_ANALYSIS", "period", "2026-Q1", "content", "一季度分析"))
                .post("/api/v1/pilots/{id}/summaries", pilot).then().statusCode(201);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("kind", "QUARTERLY_ANALYSIS", "period", "2026-Q1", "content", "一季度分析（修订）"))
                .post("/api/v1/pilots/{id}/summaries", pilot)
                .then().statusCode(200).body("content", equalTo("一季度分析（修订）"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}/history", pilot)
                .then().body("action", hasItem("SUMMARY_SUBMITTED")).body("action", hasItem("SUMMARY_UPDATED"));
    }

    private List<PilotSummaryDueSoon> dueSoon(String pilot) {
        return pilots.ofType("reform.pilot.summary-due-soon.v1", pilot).stream()
                .map(r -> (PilotSummaryDueSoon) EventCodec.instance().decode(r.type(), r.data()).orElseThrow())
                .toList();
    }

    private List<PilotSummaryOverdue> overdue(String pilot) {
        return pilots.ofType("reform.pilot.summary-overdue.v1", pilot).stream()
                .map(r -> (PilotSummaryOverdue) EventCodec.instance().decode(r.type(), r.data()).orElseThrow())
                .toList();
    }

    private void moveTo(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }
}
