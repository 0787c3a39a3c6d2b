package org.reformdesk.assessment.manual;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.testing.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ManualScoreTest {

    private static final String ASSESSOR = TestTokens.withRoles("kaohe", null, "assessor");

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
    void anAssessorEntersEachEvaluationOncePerPeriodAndTheScoreCardShowsIt() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市统计局");
        String key = UUID.randomUUID().toString();
        Map<String, Object> peer = Map.of("unitId", unit, "kind", "PEER_EVALUATION", "period", "2034-03",
                "score", 85.5, "note", "牵头部门评议");
        String id = enter(key, peer).statusCode(201).body("enteredBy", equalTo("kaohe")).extract().path("id");
        enter(key, peer).statusCode(201).body("id", equalTo(id));
        enter(null, Map.of("unitId", unit, "kind", "DEMOCRATIC_EVALUATION", "period", "2034", "score", 92))
                .statusCode(201);
        enter(null, Map.of("unitId", unit, "kind", "PEER_EVALUATION", "period", "2034-03", "score", 60))
                .statusCode(409).contentType("application/problem+json");

        // B weighs peer evaluation 25: 85.5 of 100 gives 21.38 of its 25 points that month
        Fixtures.card(unit, "2034-03").body("manualScores", hasSize(2))
                .body("manualScores.find { it.kind == 'PEER_EVALUATION' }.score", equalTo(85.5f))
                .body("indicators.find { it.indicator == 'PEER_EVALUATION' }.score", equalTo(21.38f))
                .body("score", equalTo(96.38f));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("period", "2034")
                .get("/api/v1/manual-scores").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].kind", equalTo("DEMOCRATIC_EVALUATION"));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/manual-scores/{id}", id)
                .then().statusCode(200).body("score", equalTo(85.5f));
    }

    @Test
    void badScoresAreRefusedAndChangeNothing() {
        UUID unit = fixtures.unit(AssessmentCategory.C, "盘龙区");
        enter(null, Map.of("unitId", unit, "kind", "ASSESSOR_SCORE", "period", "2034-13", "score", 80))
                .statusCode(400).contentType("application/problem+json");
        enter(null, Map.of("unitId", unit, "kind", "ASSESSOR_SCORE", "period", "2034-05", "score", 100.5))
                .statusCode(400).contentType("application/problem+json");
        enter(null, Map.of("unitId", unit, "kind", "OVERDUE_TASKS", "period", "2034-05", "score", 80))
                .statusCode(400).contentType("application/problem+json");
        enter(null, Map.of("unitId", UUID.randomUUID(), "kind", "ASSESSOR_SCORE", "period", "2034-05", "score", 80))
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unitId", unit).get("/api/v1/manual-scores")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void onlyAssessorsEnterScoresAndAUnitReadsOnlyItsOwn() {
        UUID unit = fixtures.unit(AssessmentCategory.C, "官渡区");
        Map<String, Object> score = Map.of("unitId", unit, "kind", "ASSESSOR_SCORE", "period", "2034-05",
                "score", 99);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON).body(score)
                .post("/api/v1/manual-scores").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(score)
                .post("/api/v1/manual-scores").then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).queryParam("unitId", unit)
                .get("/api/v1/manual-scores").then().statusCode(403).contentType("application/problem+json");
    }

    private static ValidatableResponse enter(String key, Map<String, Object> body) {
        var request = given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/manual-scores").then();
    }
}
