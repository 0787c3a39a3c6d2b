package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TaskResourceTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void createdTaskIsAssignedAndShowsItsTimeliness() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(3));

        given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/tasks/{id}", task)
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("timeliness", equalTo("DUE_SOON"))
                .body("code", not(nullValue()));
    }

    @Test
    void timelinessFollowsTheClock() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(30);
        UUID task = LedgerFixtures.task(unit, deadline);

        clock.moveTo(deadline.plusDays(1).atStartOfDay(clock.getZone()).toInstant());

        given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/tasks/{id}", task)
                .then().statusCode(200).body("timeliness", equalTo("OVERDUE"));
        given().auth().oauth2(TestTokens.reformOffice())
                .queryParam("timeliness", "OVERDUE").queryParam("leadUnit", unit)
                .get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", hasItem(task.toString()));
    }

    @Test
    void badInputIsAProblemNamingEveryFieldAndStoresNothing() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("title", " ", "leadUnitId", unit.toString()))
                .post("/api/v1/tasks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("deadline"))
                .body("errors.field", hasItem("responsiblePersonId"));

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("leadUnit", unit)
                .get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aValidationProblemSpeaksTheCallersLanguage() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        Map<String, String> untitled = Map.of("title", " ", "leadUnitId", unit.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", "2030-01-01");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Accept-Language", "zh-CN,zh;q=0.9").body(untitled)
                .post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://reformdesk.org/problems/400"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("title: 不能为空"))
                .body("errors[0].field", equalTo("title")).body("errors[0].message", equalTo("不能为空"));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Accept-Language", "en-US,en;q=0.9").body(untitled)
                .post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("title: must not be blank"));
    }

    @Test
    void malformedJsonAndWrongTypesAreProblemsWithoutInternals() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"deadline\": \"tomorrow\"")
                .post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(org.hamcrest.Matchers.containsString("Exception")));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"deadline\": \"tomorrow\", \"leadUnitId\": \"" + UUID.randomUUID()
                        + "\", \"responsiblePersonId\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("deadline"));
    }

    @Test
    void anUnknownLeadUnitIsRefused() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("title", "任务", "leadUnitId", UUID.randomUUID().toString(),
                        "responsiblePersonId", UUID.randomUUID().toString(), "deadline", "2030-01-01"))
                .post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("leadUnitId"));
    }

    @Test
    void withoutATokenTheLedgerIsClosed() {
        given().get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/v1/tasks").then().statusCode(401);
    }

    @Test
    void aUnitOfficerCannotCreateTasks() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("title", "任务", "leadUnitId", unit.toString(),
                        "responsiblePersonId", UUID.randomUUID().toString(), "deadline", "2030-01-01"))
                .post("/api/v1/tasks")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aUnitOfficerSeesOnlyTheirOwnUnitsTasks() {
        UUID mine = LedgerFixtures.unit("C", "DISTRICT");
        UUID theirs = LedgerFixtures.unit("C", "DISTRICT");
        UUID myTask = LedgerFixtures.task(mine, clock.today().plusDays(60));
        UUID theirTask = LedgerFixtures.task(theirs, clock.today().plusDays(60));
        String officer = TestTokens.unitOfficer(mine);

        given().auth().oauth2(officer).get("/api/v1/tasks/{id}", myTask).then().statusCode(200);
        given().auth().oauth2(officer).get("/api/v1/tasks/{id}", theirTask)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(officer).get("/api/v1/tasks")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(myTask.toString()));
        given().auth().oauth2(officer).queryParam("leadUnit", theirs).get("/api/v1/tasks")
                .then().statusCode(403);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingNew() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        Map<String, String> body = Map.of("title", "推进营商环境改革", "leadUnitId", unit.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", "2030-06-30");

        String first = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "import-42").body(body)
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");
        String retry = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "import-42").body(body)
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");

        assertThat(retry).isEqualTo(first);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("leadUnit", unit).get("/api/v1/tasks")
                .then().body("total", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        Map<String, String> body = Map.of("title", "任务一", "leadUnitId", unit.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", "2030-06-30");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-7").body(body).post("/api/v1/tasks").then().statusCode(201);

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-7").body(Map.of("title", "任务二", "leadUnitId", unit.toString(),
                        "responsiblePersonId", UUID.randomUUID().toString(), "deadline", "2030-06-30"))
                .post("/api/v1/tasks")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("leadUnit", unit).get("/api/v1/tasks")
                .then().body("total", equalTo(1));
    }

    @Test
    void pagingOutOfRangeIsAProblem() {
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 5000).get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
    }

    @Test
    void theClockCanBeReadAndMovedInTests() {
        Instant target = Instant.parse("2027-01-01T02:00:00Z");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("now", target.toString()))
                .put("/api/v1/clock")
                .then().statusCode(200).body("today", equalTo("2027-01-01")).body("zone", equalTo("Asia/Shanghai"));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("now", target.toString()))
                .put("/api/v1/clock")
                .then().statusCode(403);
    }
}
