package org.reformdesk.assessment.monthly;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.MonthPublished;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Months far from today, so that closing them leaves the live month of the other tests alone. */
@QuarkusTest
class MonthCloseTest {

    private static EventSender sender;
    private static EventProbe probe;

    @Inject
    ServiceClock clock;

    @Inject
    EntityManager entityManager;

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

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anEndedMonthIsFrozenPublishedOnceAndItsLowestUnitFlaggedForDiagnosis() {
        UUID late = department("TJJ");
        UUID punctual = department("DAG");
        overdue(late, OffsetDateTime.of(2031, 5, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> card(late, "2031-05").body("score", equalTo(98.0f)));

        clock.moveTo(LocalDate.of(2031, 6, 1).atTime(0, 30).atZone(clock.getZone()).toInstant());
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("month", "2031-05"))
                .post("/api/v1/month-closes")
                .then().statusCode(200).body("closed", hasSize(3)).body("closedBy", equalTo("office"));
        given().auth().oauth2(TestTokens.withRoles("office-2", null, "reform-office")).contentType(ContentType.JSON)
                .body(Map.of("month", "2031-05")).post("/api/v1/month-closes")
                .then().statusCode(200).body("closed", hasSize(0)).body("closedBy", equalTo("office"));

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "B").queryParam("month", "2031-05")
                .queryParam("size", 200).get("/api/v1/rankings")
                .then().statusCode(200).body("frozen", equalTo(true))
                .body("items.find { it.unitId == '" + late + "' }.diagnosis", equalTo(true))
                .body("items.find { it.unitId == '" + punctual + "' }.diagnosis", equalTo(false))
                .body("items.find { it.unitId == '" + punctual + "' }.rank", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> published("2031-05", AssessmentCategory.B).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> published("2031-05", AssessmentCategory.B).size() == 1);
        assertThat(published("2031-05", AssessmentCategory.B).get(0).diagnosisUnitIds()).containsExactly(late);

        card(late, "2031-06").body("score", equalTo(100.0f)).body("points", hasSize(0))
                .body("trend.find { it.month == '2031-05' }.frozen", equalTo(true))
                .body("trend.find { it.month == '2031-05' }.score", equalTo(98.0f));
    }

    @Test
    void aFrozenMonthStaysAsPublishedWhenALateFactArrives() {
        UUID unit = department("SJJ");
        clock.moveTo(LocalDate.of(2032, 2, 1).atTime(8, 0).atZone(clock.getZone()).toInstant());
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("month", "2032-01"))
                .post("/api/v1/month-closes").then().statusCode(200);

        overdue(unit, OffsetDateTime.of(2032, 1, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> card(unit, "2032-01").body("points", hasSize(1)));
        card(unit, "2032-01").body("frozen", equalTo(true)).body("score", equalTo(100.0f));
    }

    @Test
    void theCurrentMonthCannotBeClosedAndAMonthMustLookLikeOne() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("month", clock.today().toString().substring(0, 7)))
                .post("/api/v1/month-closes")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("month", "2026-13"))
                .post("/api/v1/month-closes")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("month", "2020-01"))
                .post("/api/v1/month-closes")
                .then().statusCode(403);
    }

    @Test
    void aRebuildFromTheStoredFactsAgreesWithTheLivePath() {
        UUID unit = department("ZJJ");
        overdue(unit, OffsetDateTime.of(2033, 3, 3, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        overdue(unit, OffsetDateTime.of(2033, 3, 4, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> card(unit, "2033-03").body("score", equalTo(96.0f)));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE unit_standing SET score = 50 WHERE unit_id = :unit AND month = '2033-03'")
                .setParameter("unit", unit).executeUpdate());
        card(unit, "2033-03").body("score", equalTo(50.0f));

        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/score-rebuilds")
                .then().statusCode(200).body("changed", equalTo(1));
        card(unit, "2033-03").body("score", equalTo(96.0f));
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/score-rebuilds")
                .then().statusCode(200).body("changed", equalTo(0));
    }

    private static UUID department(String prefix) {
        UUID id = UUID.randomUUID();
        sender.send(UnitChanged.of(id, prefix + "-" + id.toString().substring(0, 6), prefix + " 局",
                AssessmentCategory.B, UnitKind.DEPARTMENT));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> card(id, null).statusCode(200));
        return id;
    }

    private static void overdue(UUID unit, OffsetDateTime when) {
        sender.send(UUID.randomUUID(), TaskOverdue.of(UUID.randomUUID(), "KM-2031-0001", "推进统计管理体制改革", unit,
                UUID.randomUUID(), when.toLocalDate().minusDays(1)), when);
    }

    private static io.restassured.response.ValidatableResponse card(UUID unit, String month) {
        var request = given().auth().oauth2(TestTokens.reformOffice());
        if (month != null) {
            request.queryParam("month", month);
        }
        return request.get("/api/v1/rankings/units/{id}", unit).then();
    }

    private static List<MonthPublished> published(String month, AssessmentCategory category) {
        return probe.ofType("reform.assessment.month-published.v1", month + "/" + category).stream()
                .map(r -> (MonthPublished) EventCodec.instance().decode(r.type(), r.data()).orElseThrow())
                .toList();
    }
}
