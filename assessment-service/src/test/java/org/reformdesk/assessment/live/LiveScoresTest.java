package org.reformdesk.assessment.live;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.RankingUpdated;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class LiveScoresTest {

    private static EventSender sender;
    private static EventProbe probe;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        probe = EventProbe.on(Topics.ASSESSMENT);
    }

    @AfterAll
    static void disconnect() {
        sender.close();
        probe.close();
    }

    @Test
    void anOverdueTaskAndItsOrderLowerTheLeadUnitsScoreAndRankOnce() {
        UUID late = district("WH");
        UUID punctual = district("DC");
        awaitRank(late, 1);
        awaitRank(punctual, 1);

        TaskOverdue overdue = TaskOverdue.of(UUID.randomUUID(), "ZB-2016-0007", "农村土地承包经营权确权", late,
                UUID.randomUUID(), LocalDate.of(2016, 6, 30));
        UUID overdueEvent = UUID.randomUUID();
        sender.send(overdueEvent, overdue);
        sender.send(overdueEvent, overdue);
        sender.send(OrderIssued.of(UUID.randomUUID(), Rung.REMINDER_NOTICE, "TASK", overdue.taskId(),
                "ZB-2016-0007 农村土地承包经营权确权", late, LocalDate.of(2016, 7, 1), LocalDate.of(2016, 7, 6),
                "任务逾期未完成"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/rankings/units/{id}", late)
                        .then().statusCode(200)
                        .body("score", equalTo(97.5f))
                        .body("points", hasSize(2)));
        // every other district is still at the base score, so the late one is now last
        int districts = given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "C")
                .get("/api/v1/rankings").then().extract().path("total");
        awaitRank(late, districts);
        awaitRank(punctual, 1);
        given().auth().oauth2(TestTokens.unitOfficer(late)).get("/api/v1/rankings/units/{id}", late)
                .then().statusCode(200)
                .body("points.indicator", org.hamcrest.Matchers.hasItems("OVERDUE_TASKS", "SUPERVISION_ORDERS"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                probe.ofType("reform.assessment.ranking-updated.v1", late.toString()).stream()
                        .map(r -> (RankingUpdated) EventCodec.instance().decode(r.type(), r.data()).orElseThrow())
                        .filter(update -> update.rank() == districts))
                .singleElement()
                .satisfies(update -> assertThat(update.previousRank()).isEqualTo(1)));
    }

    @Test
    void aLatePilotSummaryCostsTheLeadUnitAPointExplainedByThePilot() {
        UUID unit = district("WJ");
        awaitRank(unit, 1);
        PilotSummaryOverdue late = PilotSummaryOverdue.of(UUID.randomUUID(), "农村集体产权制度改革试点", unit, null,
                "MONTHLY_SUMMARY", "2026-01", LocalDate.of(2026, 2, 5));
        UUID eventId = UUID.randomUUID();
        sender.send(eventId, late);
        sender.send(eventId, late);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/rankings/units/{id}", unit)
                        .then().statusCode(200)
                        .body("score", equalTo(99.0f))
                        .body("points", hasSize(1))
                        .body("points[0].indicator", equalTo("LATE_PILOT_SUMMARIES"))
                        .body("points[0].reason", org.hamcrest.Matchers.containsString("农村集体产权制度改革试点")));
    }

    @Test
    void aUnitOfficerCannotReadAnotherUnitsScoreCard() {
        UUID unit = district("QT");
        awaitRank(unit, 1);

        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).get("/api/v1/rankings/units/{id}", unit)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRankingNeedsAKnownCategory() {
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "Z").get("/api/v1/rankings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/rankings")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** A new district, announced on the directory topic as task-service would. */
    private static UUID district(String prefix) {
        UUID id = UUID.randomUUID();
        sender.send(UnitChanged.of(id, prefix + "-" + id.toString().substring(0, 6), prefix + " 区",
                AssessmentCategory.C, UnitKind.DISTRICT));
        return id;
    }

    private static void awaitRank(UUID unit, int rank) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rankOf(unit)).isEqualTo(rank));
    }

    private static Integer rankOf(UUID unit) {
        return given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/rankings/units/{id}", unit).then().statusCode(200).extract().path("rank");
    }
}
