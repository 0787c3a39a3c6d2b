package org.reformdesk.inspection.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CalendarResourceTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void replyByDatesSkipTheHolidaysTheOfficeLoadsAndCountTheMakeUpDays() {
        for (int day = 1; day <= 7; day++) {
            if (day != 3 && day != 4) {
                set("2026-10-0" + day, false, "国庆节、中秋节").then().statusCode(200);
            }
        }
        set("2026-10-10", true, "国庆节调休上班").then().statusCode(200).body("changedBy", equalTo("office"));
        clock.moveTo(LocalDate.of(2026, 9, 30).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "TASK", "subjectId", UUID.randomUUID(), "subjectTitle", "推进户籍制度改革",
                        "targetUnitId", UUID.randomUUID(), "basis", "市长批示：节后第一周反馈")).post("/api/v1/orders")
                .then().statusCode(201).body("dayCount", equalTo("WORKING")).body("replyBy", equalTo("2026-10-13"));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).queryParam("year", 2026)
                .get("/api/v1/working-calendar").then().statusCode(200).body("total", equalTo(6))
                .body("items.day", contains("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07",
                        "2026-10-10"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2026-10-10")
                .then().body("working", equalTo(true)).body("note", equalTo("国庆节调休上班"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2026-10-11")
                .then().body("working", equalTo(false)).body("exception", equalTo(false));
    }

    @Test
    void aDayCanBeReturnedToTheWeekdayRule() {
        set("2026-05-01", false, "劳动节").then().statusCode(200);
        given().auth().oauth2(TestTokens.reformOffice()).delete("/api/v1/working-calendar/2026-05-01")
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2026-05-01")
                .then().body("working", equalTo(true));
        given().auth().oauth2(TestTokens.reformOffice()).delete("/api/v1/working-calendar/2026-05-01")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badDaysAndOutsidersAreRefused() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("note", "无"))
                .put("/api/v1/working-calendar/2026-06-19").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("working", false, "note", "端午节")).put("/api/v1/working-calendar/2026-06-19")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2026-06-19")
                .then().body("exception", equalTo(false));
    }

    private static io.restassured.response.Response set(String day, boolean working, String note) {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("working", working, "note", note)).put("/api/v1/working-calendar/{day}", day);
    }
}
