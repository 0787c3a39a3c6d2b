package org.reformdesk.assessment.scheme;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class SchemeTest {

    private static Fixtures fixtures;

    @BeforeAll
    static void connect() {
        fixtures = new Fixtures();
    }

    @AfterAll
    static void disconnect() {
        fixtures.close();
    }

    @Test
    void theDefaultSchemeWeighsKunmingsThreeCategories() {
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).queryParam("year", 2026)
                .get("/api/v1/schemes/in-force").then().statusCode(200)
                .body("year", equalTo(2014)).body("status", equalTo("PUBLISHED"))
                .body("categories.B.indicator", hasItem("PEER_EVALUATION"))
                .body("categories.C.find { it.indicator == 'OVERDUE_TASKS' }.points", equalTo(-2))
                .body("yearEnd.monthlyShare", equalTo(50));
    }

    @Test
    void aPublishedVersionIsInForceForItsYearAndRescoresItsMonthsWithoutTouchingOthers() {
        UUID unit = fixtures.unit(AssessmentCategory.C, "呈贡区");
        fixtures.send(overdue(unit), OffsetDateTime.of(2090, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        fixtures.send(overdue(unit), OffsetDateTime.of(2089, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        Fixtures.awaitCard(unit, "2090-03", card -> card.body("score", equalTo(98.0f)));
        Fixtures.awaitCard(unit, "2089-03", card -> card.body("score", equalTo(98.0f)));

        String key = UUID.randomUUID().toString();
        String id = draft(key, scheme(2090, "-3")).statusCode(201).body("status", equalTo("DRAFT"))
                .body("version", equalTo(1)).extract().path("id");
        draft(key, scheme(2090, "-3")).statusCode(201).body("id", equalTo(id));
        Fixtures.card(unit, "2090-03").body("score", equalTo(98.0f));

        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/schemes/{id}/publication", id)
                .then().statusCode(200).body("scheme.status", equalTo("PUBLISHED"));

        Fixtures.card(unit, "2090-03").body("score", equalTo(97.0f)).body("points[0].points", equalTo(-3.0f))
                .body("indicators.find { it.indicator == 'OVERDUE_TASKS' }.score", equalTo(27.0f));
        Fixtures.card(unit, "2089-03").body("score", equalTo(98.0f));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("year", 2091).get("/api/v1/schemes/in-force")
                .then().statusCode(200).body("id", equalTo(id));

        // a published version is never edited: publishing it again is refused, a correction is a new version
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/schemes/{id}/publication", id)
                .then().statusCode(409).contentType("application/problem+json");
        String corrected = draft(null, scheme(2090, "-2.5")).statusCode(201).body("version", equalTo(2))
                .extract().path("id");
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/schemes/{id}/publication", corrected)
                .then().statusCode(200);
        Fixtures.card(unit, "2090-03").body("score", equalTo(97.5f));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/schemes/{id}", id)
                .then().statusCode(200).body("status", equalTo("SUPERSEDED"));
    }

    @Test
    void anInvalidSchemeIsRefusedWithEveryProblemAndStoresNothing() {
        Map<String, Object> unbalanced = scheme(2040, "-2");
        SchemeDefinition definition = Schemes.definition("-2");
        definition.categories().put(AssessmentCategory.A, Schemes.indicators("-2").subList(0, 3));
        unbalanced.put("categories", definition.categories());
        draft(null, unbalanced).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("categories.A"));

        Map<String, Object> unknownKind = scheme(2040, "-2");
        unknownKind.put("categories", Map.of("A", List.of(Map.of("indicator", "INFORMATION_SUBMISSIONS",
                "weight", 100))));
        draft(null, unknownKind).statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("year", 2040).get("/api/v1/schemes")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/schemes/{id}/publication", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheOfficeDraftsAndPublishes() {
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(scheme(2041, "-2")).post("/api/v1/schemes")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("kaohe", null, "assessor"))
                .post("/api/v1/schemes/{id}/publication", UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static Map<String, Object> scheme(int year, String overdueTask) {
        SchemeDefinition definition = Schemes.definition(overdueTask);
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("name", year + "年度全面深化改革工作考核方案");
        body.put("categories", definition.categories());
        body.put("yearEnd", definition.yearEnd());
        return body;
    }

    private static ValidatableResponse draft(String key, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/schemes").then();
    }

    private static TaskOverdue overdue(UUID unit) {
        return TaskOverdue.of(UUID.randomUUID(), "KM-2035-0001", "深化国资国企改革", unit, UUID.randomUUID(),
                LocalDate.of(2035, 3, 1));
    }
}
