package org.reformdesk.assessment.yearend;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class YearEndTest {

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
    void theOfficeComputesAYearFromMonthlyAndManualScoresThenPublishesAndFreezesIt() {
        UUID late = fixtures.unit(AssessmentCategory.A, "市司法局");
        UUID punctual = fixtures.unit(AssessmentCategory.A, "市审计局");
        fixtures.send(TaskOverdue.of(UUID.randomUUID(), "KM-2037-0009", "行政执法体制改革", late, UUID.randomUUID(),
                LocalDate.of(2037, 2, 1)), OffsetDateTime.of(2037, 2, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        Fixtures.awaitCard(late, "2037-02", card -> card.body("score", equalTo(98.0f)));
        score(late, "ASSESSOR_SCORE", 80);
        score(late, "DEMOCRATIC_EVALUATION", 90);
        score(punctual, "ASSESSOR_SCORE", 100);

        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/year-ends/2037/computation")
                .then().statusCode(200).body("status", equalTo("COMPUTED"));

        // A weighs the assessor score 15 and democratic evaluation 10: (15 * 80 + 10 * 90) / 25 = 84
        given().auth().oauth2(TestTokens.unitOfficer(late)).get("/api/v1/year-ends/2037/units/{id}", late)
                .then().statusCode(200).body("monthlyAverage", equalTo(98.0f)).body("months", equalTo(1))
                .body("assessment", equalTo(84.0f)).body("composite", equalTo(91.0f))
                .body("grade", equalTo("EXCELLENT"));
        // democratic evaluation missing counts 0: 50 * 100% + 50 * (15 * 100 / 25)% = 80
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/year-ends/2037/units/{id}", punctual)
                .then().statusCode(200).body("composite", equalTo(80.0f)).body("grade", equalTo("COMPLETED"))
                .body("missing[0]", equalTo("DEMOCRATIC_EVALUATION"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "A").queryParam("size", 200)
                .get("/api/v1/year-ends/2037").then().statusCode(200)
                .body("items.find { it.unitId == '" + late + "' }.rank", equalTo(1));

        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/year-ends/2037/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/year-ends/2037/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/year-ends/2037/computation")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badYearsAndOtherUnitsAreRefused() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市档案局");
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/year-ends/1999/computation")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/year-ends/2038/publication")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "B").get("/api/v1/year-ends/2038")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(unit)).post("/api/v1/year-ends/2038/computation")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID()))
                .get("/api/v1/year-ends/2038/units/{id}", unit)
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static void score(UUID unit, String kind, int score) {
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "kind", kind, "period", "2037", "score", score))
                .post("/api/v1/manual-scores").then().statusCode(201);
    }
}
