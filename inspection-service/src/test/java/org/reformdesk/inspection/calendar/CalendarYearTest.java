package org.reformdesk.inspection.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The office replaces a year's holidays and make-up working days in one go. */
@QuarkusTest
class CalendarYearTest {

    private static final List<String> NATIONAL_DAY = List.of("2031-10-01", "2031-10-02", "2031-10-03",
            "2031-10-04", "2031-10-05", "2031-10-06", "2031-10-07");

    @Inject
    ServiceClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void replacingAYearWhileOrdersAreOpenLeavesTheirReplyByDatesAsIssued() {
        clock.moveTo(LocalDate.of(2031, 9, 30).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        String issuedBefore = issueOrder().then().statusCode(201).body("replyBy", equalTo("2031-10-07"))
                .extract().path("id");

        replaceYear(2031, NATIONAL_DAY, List.of("2031-09-28", "2031-10-11")).then().statusCode(200)
                .body("changed", equalTo(true)).body("holidays", equalTo(NATIONAL_DAY))
                .body("workingDays", contains("2031-09-28", "2031-10-11")).body("replacedBy", equalTo("office"));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/orders/{id}", issuedBefore)
                .then().statusCode(200).body("replyBy", equalTo("2031-10-07")).body("overdue", equalTo(false));
        // the same order issued now counts over the holiday and the Saturday worked
        issueOrder().then().statusCode(201).body("replyBy", equalTo("2031-10-13"));
    }

    @Test
    void aReplacementRemovesTheDaysTheScheduleNoLongerHasAndIsRecorded() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("working", false, "note", "误录")).put("/api/v1/working-calendar/2032-03-03")
                .then().statusCode(200);

        replaceYear(2032, List.of("2032-01-01", "2032-02-09"), List.of("2032-02-07")).then().statusCode(200);

        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).queryParam("year", 2032)
                .get("/api/v1/working-calendar").then().statusCode(200)
                .body("items.day", contains("2032-01-01", "2032-02-07", "2032-02-09"))
                .body("items.working", contains(false, true, false));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/years/2032/replacements")
                .then().statusCode(200).body("", hasSize(1)).body("[0].replacedBy", equalTo("office"))
                .body("[0].workingDays", contains("2032-02-07"));
    }

    @Test
    void repeatingTheSameScheduleChangesNothing() {
        replaceYear(2033, List.of("2033-01-03", "2033-10-03"), List.of("2033-10-08")).then().statusCode(200)
                .body("changed", equalTo(true));
        String changedAt = given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/working-calendar/2033-10-03").then().extract().path("changedAt");

        replaceYear(2033, List.of("2033-10-03", "2033-01-03"), List.of("2033-10-08")).then().statusCode(200)
                .body("changed", equalTo(false)).body("holidays", contains("2033-01-03", "2033-10-03"));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2033-10-03")
                .then().body("changedAt", equalTo(changedAt));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/years/2033/replacements")
                .then().body("", hasSize(1));
    }

    @Test
    void aBadScheduleIsRefusedWholeAndChangesNothing() {
        replaceYear(2034, List.of("2034-01-02"), List.of()).then().statusCode(200);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("holidays", List.of("2034-05-01", "2035-01-01"), "workingDays", List.of()),
                Map.of("holidays", List.of("2034-05-01"), "workingDays", List.of("2034-05-01")),
                Map.of("holidays", List.of("2034-05-01"), "workingDays", List.of("2034-05-03")),
                Map.of("holidays", List.of("2034-05-01")),
                Map.of("holidays", List.of("2034-05-01", "2034-13-01"), "workingDays", List.of()),
                Map.of("holidays", LocalDate.of(2034, 3, 1).datesUntil(LocalDate.of(2034, 6, 1))
                        .map(LocalDate::toString).toList(), "workingDays", List.of()))) {
            given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(bad)
                    .put("/api/v1/working-calendar/years/2034").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("holidays", List.of(), "workingDays", List.of()))
                .put("/api/v1/working-calendar/years/1999").then().statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("year", 2034).get("/api/v1/working-calendar")
                .then().body("items.day", contains("2034-01-02"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/years/2034/replacements")
                .then().body("", hasSize(1));
    }

    @Test
    void onlyTheOfficeReplacesAYear() {
        for (String token : List.of(TestTokens.unitOfficer(UUID.randomUUID()), TestTokens.withRoles("inspector-1", null, "inspector"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("holidays", List.of("2035-01-01"), "workingDays", List.of()))
                    .put("/api/v1/working-calendar/years/2035").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2035-01-01")
                .then().body("exception", equalTo(false));
        assertThat(given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/working-calendar/years/2035/replacements").then().statusCode(200)
                .extract().jsonPath().getList("")).isEmpty();
    }

    private static Response replaceYear(int year, List<String> holidays, List<String> workingDays) {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("holidays", holidays, "workingDays", workingDays))
                .put("/api/v1/working-calendar/years/{year}", year);
    }

    private static Response issueOrder() {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "TASK", "subjectId", UUID.randomUUID(), "subjectTitle", "推进户籍制度改革",
                        "targetUnitId", UUID.randomUUID(), "basis", "市长批示：节后第一周反馈"))
                .post("/api/v1/orders");
    }
}
