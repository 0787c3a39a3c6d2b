package org.reformdesk.task.extension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.ExtensionRequested;
import org.reformdesk.events.TaskDeadlineChanged;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ExtensionRequestTest {

    private static EventProbe tasks;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void listen() {
        tasks = EventProbe.on(Topics.TASKS);
    }

    @AfterAll
    static void stopListening() {
        tasks.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theLeadUnitAsksTheOfficeApprovesAndTheDeadlineMovesWithItsHistory() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(5);
        UUID task = LedgerFixtures.task(unit, deadline);
        LocalDate asked = deadline.plusMonths(2);

        String request = given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("requestedDeadline", asked.toString(), "reason", "需待省级配套文件出台"))
                .post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/extension-requests/"))
                .body("state", equalTo("PENDING")).body("taskId", equalTo(task.toString()))
                .body("deadline", equalTo(deadline.toString())).body("requestedDeadline", equalTo(asked.toString()))
                .body("requestedBy", equalTo("officer-" + unit.toString().substring(0, 8)))
                .extract().path("id");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("state", "PENDING").queryParam("size", 200)
                .get("/api/v1/extension-requests")
                .then().statusCode(200).body("items.id", hasItem(request));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "同意延期"))
                .post("/api/v1/extension-requests/{id}/decision", request)
                .then().statusCode(200).body("state", equalTo("APPROVED"))
                .body("approvedDeadline", equalTo(asked.toString())).body("taskDeadline", equalTo(asked.toString()))
                .body("decidedBy", equalTo("office")).body("comment", equalTo("同意延期"));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("deadline", equalTo(asked.toString())).body("timeliness", equalTo("ON_TRACK"));
        List<Map<String, Object>> history = given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/tasks/{id}/history", task).then().statusCode(200).extract().path("");
        assertThat(history).extracting(entry -> entry.get("action")).contains("EXTENSION_REQUESTED",
                "EXTENSION_APPROVED", "DEADLINE_CHANGED");
        assertThat(history).filteredOn(entry -> "DEADLINE_CHANGED".equals(entry.get("action"))).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("previousDeadline")).isEqualTo(deadline.toString());
                    assertThat(entry.get("deadline")).isEqualTo(asked.toString());
                });
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("state", "PENDING").queryParam("size", 200)
                .get("/api/v1/extension-requests").then().body("items.id", not(hasItem(request)));

        await().atMost(Duration.ofSeconds(15)).until(() -> decided(task).size() == 1
                && !tasks.ofType("reform.task.deadline-changed.v1", task.toString()).isEmpty());
        ExtensionRequested requested = (ExtensionRequested) EventCodec.instance().decode(
                "reform.task.extension-requested.v1", tasks.ofType("reform.task.extension-requested.v1",
                        task.toString()).get(0).data()).orElseThrow();
        assertThat(requested.requestId()).hasToString(request);
        assertThat(requested.requestedDeadline()).isEqualTo(asked);
        ExtensionDecided decision = decided(task).get(0);
        assertThat(decision.approved()).isTrue();
        assertThat(decision.previousDeadline()).isEqualTo(deadline);
        assertThat(decision.deadline()).isEqualTo(asked);
        TaskDeadlineChanged changed = (TaskDeadlineChanged) EventCodec.instance().decode(
                "reform.task.deadline-changed.v1", tasks.ofType("reform.task.deadline-changed.v1",
                        task.toString()).get(0).data()).orElseThrow();
        assertThat(changed.previousDueOn()).isEqualTo(deadline);
        assertThat(changed.dueOn()).isEqualTo(asked);
    }

    @Test
    void aRejectionKeepsTheDeadlineAndASecondDecisionIsAConflict() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(20);
        UUID task = LedgerFixtures.task(unit, deadline);
        String request = ask(task, unit, deadline.plusDays(30)).then().statusCode(201).extract().path("id");

        decide(request, Map.of("decision", "REJECTED", "comment", "理由不充分，请按期完成"))
                .then().statusCode(200).body("state", equalTo("REJECTED")).body("approvedDeadline", nullValue());
        decide(request, Map.of("decision", "APPROVED", "comment", "同意"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("REJECTED"));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("deadline", equalTo(deadline.toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> decided(task).size() == 1);
        assertThat(decided(task).get(0).decision()).isEqualTo("REJECTED");
        assertThat(decided(task).get(0).deadline()).isNull();
        assertThat(tasks.ofType("reform.task.deadline-changed.v1", task.toString())).isEmpty();
    }

    @Test
    void theOfficeMayGrantLessThanWasAskedForButNeverADayAlreadyGone() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(3);
        UUID task = LedgerFixtures.task(unit, deadline);
        String request = ask(task, unit, deadline.plusDays(90)).then().statusCode(201).extract().path("id");

        decide(request, Map.of("decision", "APPROVED", "comment", "同意延期一个月", "deadline",
                deadline.toString())).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("deadline"));
        decide(request, Map.of("decision", "APPROVED", "comment", "同意延期一个月", "deadline",
                deadline.plusDays(30).toString())).then().statusCode(200)
                .body("approvedDeadline", equalTo(deadline.plusDays(30).toString()));
    }

    @Test
    void aRequestAfterTheDeadlinePassedIs422AndWritesNothing() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(2);
        UUID task = LedgerFixtures.task(unit, deadline);
        clock.moveTo(deadline.plusDays(1).atTime(9, 0).atZone(clock.getZone()).toInstant());

        ask(task, unit, deadline.plusDays(30)).then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("before the deadline passes"));

        assertThat(requestsOf(task)).isEmpty();
        assertThat(historyActions(task)).doesNotContain("EXTENSION_REQUESTED");
    }

    @Test
    void onlyOneRequestWaitsAtATimeAndAnIdempotentRetryIsTheSameRequest() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);
        Map<String, String> body = Map.of("requestedDeadline", deadline.plusDays(40).toString(), "reason", "资金未到位");

        String first = given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "ext-" + task).body(body)
                .post("/api/v1/tasks/{id}/extension-requests", task).then().statusCode(201).extract().path("id");
        String retried = given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "ext-" + task).body(body)
                .post("/api/v1/tasks/{id}/extension-requests", task).then().statusCode(201).extract().path("id");
        ask(task, unit, deadline.plusDays(60)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first));

        assertThat(retried).isEqualTo(first);
        assertThat(requestsOf(task)).hasSize(1);
        assertThat(historyActions(task)).filteredOn("EXTENSION_REQUESTED"::equals).hasSize(1);
    }

    @Test
    void anIdempotentRetryOfADecisionIsTheSameDecision() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);
        String request = ask(task, unit, deadline.plusDays(20)).then().statusCode(201).extract().path("id");
        Map<String, String> approve = Map.of("decision", "APPROVED", "comment", "同意");

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "decide-" + request).body(approve)
                    .post("/api/v1/extension-requests/{id}/decision", request)
                    .then().statusCode(200).body("state", equalTo("APPROVED"));
        }

        assertThat(historyActions(task)).filteredOn("DEADLINE_CHANGED"::equals).hasSize(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> decided(task).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> decided(task).size() == 1);
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("requestedDeadline", deadline.plusDays(5).toString()))
                .post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(
                        containsString("reason")));
        ask(task, unit, deadline).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("requestedDeadline"));
        ask(task, unit, deadline.minusDays(1)).then().statusCode(400);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("requestedDeadline", "next month", "reason", "资金未到位"))
                .post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(400).contentType("application/problem+json");
        String request = ask(task, unit, deadline.plusDays(30)).then().statusCode(201).extract().path("id");
        decide(request, Map.of("decision", "MAYBE", "comment", "再议")).then().statusCode(400)
                .contentType("application/problem+json");
        decide(request, Map.of("decision", "APPROVED")).then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(requestsOf(task)).singleElement().satisfies(r -> assertThat(r.get("state")).isEqualTo("PENDING"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("deadline", equalTo(deadline.toString()));
    }

    @Test
    void anotherUnitsOfficerAndRolesThatDoNotReportMayNotAsk() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        UUID other = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);
        Map<String, String> body = Map.of("requestedDeadline", deadline.plusDays(30).toString(), "reason", "资金未到位");

        for (String token : List.of(TestTokens.unitOfficer(other), TestTokens.withRoles("leader", null, "leader"),
                TestTokens.withRoles("inspector", unit, "inspector"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/tasks/{id}/extension-requests", task)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        String request = ask(task, unit, deadline.plusDays(30)).then().statusCode(201).extract().path("id");
        decide(request, TestTokens.unitOfficer(unit), Map.of("decision", "APPROVED", "comment", "同意"))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(other)).get("/api/v1/extension-requests/{id}", request)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(other)).queryParam("size", 200).get("/api/v1/extension-requests")
                .then().statusCode(200).body("items.id", not(hasItem(request)));
        given().auth().oauth2(TestTokens.unitOfficer(other)).queryParam("unit", unit).get("/api/v1/extension-requests")
                .then().statusCode(403);

        assertThat(requestsOf(task)).hasSize(1);
    }

    @Test
    void theTasksSpecialGroupLiaisonMayAskAndAnotherGroupsMayNot() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID group = LedgerFixtures.group(unit);
        UUID otherGroup = LedgerFixtures.group(LedgerFixtures.unit("A", "DEPARTMENT"));
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(Map.of("title", "健全生态保护补偿机制", "leadUnitId", unit.toString(),
                "groupId", group.toString(), "responsiblePersonId", UUID.randomUUID().toString(),
                "deadline", deadline.toString()));
        Map<String, String> body = Map.of("requestedDeadline", deadline.plusDays(30).toString(), "reason", "跨部门协调未完成");

        given().auth().oauth2(TestTokens.groupLiaison(otherGroup)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("special group"));
        given().auth().oauth2(TestTokens.withRoles("liaison-without-group", null, "group-liaison"))
                .contentType(ContentType.JSON).body(body).post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(requestsOf(task)).isEmpty();

        given().auth().oauth2(TestTokens.groupLiaison(group)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(201).body("requestedBy", equalTo("liaison-" + group.toString().substring(0, 8)));
    }

    @Test
    void aRequestersLoginLinkedToAPersonIsWhoHearsOfTheDecision() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        String login = "officer-" + unit.toString().substring(0, 8);
        UUID person = UUID.fromString(given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "何芳", "unitId", unit.toString(), "post", "LIAISON", "username", login))
                .post("/api/v1/people").then().statusCode(201).extract().path("id"));
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(unit, deadline);

        ask(task, unit, deadline.plusDays(30)).then().statusCode(201)
                .body("requesterPersonId", equalTo(person.toString()));
    }

    private Response ask(UUID task, UUID unit, LocalDate requested) {
        return given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("requestedDeadline", requested.toString(), "reason", "需待省级配套文件出台"))
                .post("/api/v1/tasks/{id}/extension-requests", task);
    }

    private static Response decide(String request, Map<String, String> body) {
        return decide(request, TestTokens.reformOffice(), body);
    }

    private static Response decide(String request, String token, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/extension-requests/{id}/decision", request);
    }

    private static List<Map<String, Object>> requestsOf(UUID task) {
        return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(200).extract().path("");
    }

    private static List<String> historyActions(UUID task) {
        return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().statusCode(200).extract().path("action");
    }

    private static List<ExtensionDecided> decided(UUID task) {
        return tasks.ofType("reform.task.extension-decided.v1", task.toString()).stream()
                .map(r -> (ExtensionDecided) EventCodec.instance().decode(r.type(), r.data()).orElseThrow()).toList();
    }
}
