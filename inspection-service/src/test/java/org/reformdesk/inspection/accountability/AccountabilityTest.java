package org.reformdesk.inspection.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.inspection.orders.EscalationSweep;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AccountabilityTest {

    @Inject
    ServiceClock clock;

    @Inject
    EscalationSweep sweep;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRectificationOrderLeftUnansweredIsHeldToAccountAndNotBefore() {
        at(LocalDate.of(2027, 8, 2));
        UUID unit = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String order = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "TASK", "subjectId", UUID.randomUUID().toString(),
                        "subjectTitle", "KM-2027-0042 推进医药卫生体制改革", "targetUnitId", unit.toString(),
                        "rung", "RECTIFICATION_ORDER", "basis", "市委深改委会议决定直接下发责令书"))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");

        record(order, person).then().statusCode(409).contentType("application/problem+json");

        at(LocalDate.of(2027, 8, 20));
        sweep.sweep();
        String record = record(order, person).then().statusCode(201)
                .body("unitId", equalTo(unit.toString())).body("personId", equalTo(person.toString()))
                .body("measureLabel", equalTo("通报批评")).body("recordedBy", equalTo("office"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/accountability-records/{id}", record)
                .then().statusCode(200).body("subjectType", equalTo("ORDER"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit)
                .queryParam("measure", "CIRCULATED_CRITICISM").get("/api/v1/accountability-records")
                .then().body("total", equalTo(1));
    }

    @Test
    void badRecordsAreRefused() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("measure", "FINE", "subjectType", "ORDER", "subjectId", UUID.randomUUID().toString(),
                        "basis", "x")).post("/api/v1/accountability-records").then().statusCode(400);
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("measure", "WARNING_TALK", "subjectType", "ORDER", "subjectId",
                        UUID.randomUUID().toString(), "basis", "x")).post("/api/v1/accountability-records")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("measure", "WARNING_TALK", "subjectType", "TASK", "subjectId",
                        UUID.randomUUID().toString(), "basis", "x")).post("/api/v1/accountability-records")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("measure", "WARNING_TALK", "subjectType", "ORDER", "subjectId",
                        UUID.randomUUID().toString(), "basis", "x")).post("/api/v1/accountability-records")
                .then().statusCode(403);
    }

    private void at(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private static io.restassured.response.Response record(String order, UUID person) {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("measure", "CIRCULATED_CRITICISM", "subjectType", "ORDER", "subjectId", order,
                        "personId", person.toString(), "basis", "责令书逾期未答复，依据督办问责办法通报批评"))
                .post("/api/v1/accountability-records");
    }
}
