package org.reformdesk.assessment.exemption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ExemptionTest {

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
    void anExemptedOverdueTaskCostsNothingNowOrLaterButStaysInTheExplanation() {
        UUID unit = fixtures.unit(AssessmentCategory.A, "市发展改革委");
        UUID task = UUID.randomUUID();
        fixtures.send(overdue(unit, task, LocalDate.of(2016, 6, 30)));
        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(98.0f)));

        String key = UUID.randomUUID().toString();
        String id = grant(key, Map.of("unitId", unit, "subjectId", task, "indicator", "OVERDUE_TASKS",
                "reason", "待上级部署统一启动")).statusCode(201).contentType(ContentType.JSON)
                .body("grantedBy", equalTo("office")).extract().path("id");
        grant(key, Map.of("unitId", unit, "subjectId", task, "indicator", "OVERDUE_TASKS",
                "reason", "待上级部署统一启动")).statusCode(201).body("id", equalTo(id));

        Fixtures.card(unit, null).body("score", equalTo(100.0f)).body("points", hasSize(1))
                .body("points[0].exempted", equalTo(true))
                .body("points[0].exemptionReason", equalTo("待上级部署统一启动"));

        // the same task overdue again on a new deadline is exempted on arrival; its order is another indicator
        fixtures.send(overdue(unit, task, LocalDate.of(2016, 9, 30)));
        fixtures.send(OrderIssued.of(UUID.randomUUID(), Rung.REMINDER_NOTICE, "TASK", task, "KM-2016-0042",
                unit, LocalDate.of(2016, 10, 1), LocalDate.of(2016, 10, 8), "任务逾期未完成"));
        Fixtures.awaitCard(unit, null, card -> card.body("points", hasSize(3)).body("score", equalTo(99.5f)));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("unitId", unit).get("/api/v1/exemptions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void badOrDuplicateExemptionsAreRefusedAndChangeNothing() {
        UUID unit = fixtures.unit(AssessmentCategory.A, "市财政局");
        UUID task = UUID.randomUUID();
        grant(null, Map.of("unitId", unit, "subjectId", task, "indicator", "PEER_EVALUATION", "reason", "不适用"))
                .statusCode(400).contentType("application/problem+json");
        grant(null, Map.of("unitId", unit, "subjectId", task, "indicator", "OVERDUE_TASKS"))
                .statusCode(400).contentType("application/problem+json");
        grant(null, Map.of("unitId", unit, "subjectId", task, "indicator", "NO_SUCH", "reason", "x"))
                .statusCode(400).contentType("application/problem+json");
        grant(null, Map.of("unitId", UUID.randomUUID(), "subjectId", task, "indicator", "OVERDUE_TASKS",
                "reason", "x")).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unitId", unit).get("/api/v1/exemptions")
                .then().statusCode(200).body("total", equalTo(0));

        grant(null, Map.of("unitId", unit, "subjectId", task, "indicator", "OVERDUE_TASKS", "reason", "上级调整"))
                .statusCode(201);
        grant(null, Map.of("unitId", unit, "subjectId", task, "indicator", "OVERDUE_TASKS", "reason", "再次"))
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyTheOfficeExemptsAndAUnitReadsOnlyItsOwn() {
        UUID unit = fixtures.unit(AssessmentCategory.A, "市教育局");
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "subjectId", UUID.randomUUID(), "indicator", "OVERDUE_TASKS",
                        "reason", "自行免责"))
                .post("/api/v1/exemptions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).queryParam("unitId", unit)
                .get("/api/v1/exemptions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/exemptions/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse grant(String key, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/exemptions").then();
    }

    private static TaskOverdue overdue(UUID unit, UUID task, LocalDate deadline) {
        return TaskOverdue.of(task, "KM-2016-0042", "深化投融资体制改革", unit, UUID.randomUUID(), deadline);
    }
}
