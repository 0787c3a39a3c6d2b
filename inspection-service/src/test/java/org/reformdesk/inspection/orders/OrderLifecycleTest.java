package org.reformdesk.inspection.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.Topics;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OrderLifecycleTest {

    private static EventProbe probe;

    @BeforeAll
    static void connect() {
        probe = EventProbe.on(Topics.SUPERVISION);
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Test
    void aLeadersInstructionIsAnsweredRejectedAnsweredAgainAndClosedWithEveryStepInItsHistory() {
        UUID unit = UUID.randomUUID();
        String id = issue(newOrder(unit)).then().statusCode(201)
                .body("rung", equalTo("REMINDER_NOTICE"))
                .body("rungLabel", equalTo("提示单"))
                .body("origin", equalTo("LEADER_INSTRUCTION"))
                .body("basis", equalTo("市委书记批示：请改革办督促落实"))
                .body("state", equalTo("ISSUED"))
                .extract().path("id");

        transition(TestTokens.unitOfficer(unit), id, "ACKNOWLEDGE", null).then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        transition(TestTokens.unitOfficer(unit), id, "ANSWER", "已制定整改方案，月底前完成").then().statusCode(200)
                .body("state", equalTo("ANSWERED")).body("answer", equalTo("已制定整改方案，月底前完成"));
        transition(TestTokens.reformOffice(), id, "REJECT", "方案缺少时间节点").then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED")).body("rejectionReason", equalTo("方案缺少时间节点"));
        transition(TestTokens.unitOfficer(unit), id, "ANSWER", "补充时间节点：6月30日前完成").then().statusCode(200);
        transition(TestTokens.reformOffice(), id, "ACCEPT", null).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closedReason", containsString("答复已认可"));

        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/orders/{id}/history", id)
                .then().statusCode(200)
                .body("action", contains("ISSUE", "ACKNOWLEDGE", "ANSWER", "REJECT", "ANSWER", "ACCEPT"))
                .body("to", contains("ISSUED", "ACKNOWLEDGED", "ANSWERED", "ACKNOWLEDGED", "ANSWERED", "CLOSED"))
                .body("[3].reason", equalTo("方案缺少时间节点"))
                .body("[3].actor", equalTo("office"))
                .body("[1].actor", equalTo("officer-" + unit.toString().substring(0, 8)));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.supervision.order-closed.v1".equals(r.type()) && r.data().contains(id)).size() == 1);
    }

    @Test
    void anActionTheStateDoesNotAllowIsAConflictNamingTheCurrentState() {
        UUID unit = UUID.randomUUID();
        String id = issue(newOrder(unit)).then().statusCode(201).extract().path("id");

        transition(TestTokens.reformOffice(), id, "ACCEPT", null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Order is ISSUED"))
                .body("detail", containsString("ISSUED"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/orders/{id}/history", id)
                .then().body("", hasSize(1));
    }

    @Test
    void onlyTheTargetUnitAnswersAndOnlyTheOfficeAccepts() {
        UUID unit = UUID.randomUUID();
        String id = issue(newOrder(unit)).then().statusCode(201).extract().path("id");

        transition(TestTokens.unitOfficer(UUID.randomUUID()), id, "ANSWER", "不是我的").then().statusCode(403)
                .contentType("application/problem+json");
        transition(TestTokens.unitOfficer(unit), id, "ANSWER", "已完成").then().statusCode(200);
        transition(TestTokens.unitOfficer(unit), id, "ACCEPT", null).then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).get("/api/v1/orders/{id}/history", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/orders/{id}", id)
                .then().body("state", equalTo("ANSWERED"));
    }

    @Test
    void badTransitionsAreRefusedAndChangeNothing() {
        UUID unit = UUID.randomUUID();
        String id = issue(newOrder(unit)).then().statusCode(201).extract().path("id");

        transition(TestTokens.unitOfficer(unit), id, "ANSWER", " ").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("note"));
        transition(TestTokens.reformOffice(), id, "SUPERSEDE", "手动").then().statusCode(400);
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body("{\"action\":\"FLY\"}")
                .post("/api/v1/orders/{id}/transitions", id).then().statusCode(400);
        transition(TestTokens.reformOffice(), UUID.randomUUID().toString(), "ACKNOWLEDGE", null).then().statusCode(404);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/orders/{id}", id)
                .then().body("state", equalTo("ISSUED"));
    }

    @Test
    void aSecondOpenOrderOnASubjectIsRefused() {
        UUID unit = UUID.randomUUID();
        Map<String, Object> order = newOrder(unit);
        issue(order).then().statusCode(201);

        issue(order).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("at most one open order"));
    }

    @Test
    void aRetriedIssueWithTheSameKeyCreatesOneOrder() {
        UUID unit = UUID.randomUUID();
        Map<String, Object> order = newOrder(unit);
        String first = office().header("Idempotency-Key", "batch-7").body(order).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        String again = office().header("Idempotency-Key", "batch-7").body(order).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");

        assertThat(again).isEqualTo(first);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).get("/api/v1/orders")
                .then().body("total", equalTo(1));
    }

    @Test
    void aKeyOrderIsHighPriorityAndCopiesTheResponsibleLeaderFromTheFirstRung() {
        UUID unit = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        Map<String, Object> order = newOrder(unit);
        order.put("kind", "KEY_ORDER");

        issue(order).then().statusCode(400).body("errors[0].field", equalTo("responsibleLeaderId"));
        order.put("responsibleLeaderId", leader.toString());
        String id = issue(order).then().statusCode(201)
                .body("kindLabel", equalTo("重点督办单"))
                .body("priority", equalTo("HIGH"))
                .body("copiedLeaderId", equalTo(leader.toString()))
                .extract().path("id");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("kind", "KEY_ORDER").queryParam("unit", unit)
                .get("/api/v1/orders").then().body("total", equalTo(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.supervision.order-issued.v1".equals(r.type()) && r.data().contains(id)
                        && r.data().contains("【重点督办单】")).size() == 1);
    }

    @Test
    void aRoutineOrderOnTheFirstRungCopiesNoLeader() {
        UUID unit = UUID.randomUUID();
        Map<String, Object> order = newOrder(unit);
        order.put("responsibleLeaderId", UUID.randomUUID().toString());
        issue(order).then().statusCode(201).body("priority", equalTo("NORMAL")).body("copiedLeaderId", nullValue())
                .body("responsibleLeaderId", notNullValue());
    }

    @Test
    void aManualOrderNeedsItsBasisAndOnlyTheOfficeOrInspectorsIssue() {
        UUID unit = UUID.randomUUID();
        Map<String, Object> order = newOrder(unit);
        order.remove("basis");
        issue(order).then().statusCode(400).contentType("application/problem+json");
        order.put("basis", "批示");
        order.put("subjectType", "MEETING");
        issue(order).then().statusCode(400);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON).body(newOrder(unit))
                .post("/api/v1/orders").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("inspector-li", null, "inspector")).contentType(ContentType.JSON)
                .body(newOrder(unit)).post("/api/v1/orders").then().statusCode(201).body("issuedBy", equalTo("inspector-li"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).get("/api/v1/orders")
                .then().body("total", equalTo(1));
    }

    @Test
    void theSummaryCountsOpenOrdersPerUnitAndRung() {
        UUID unit = UUID.randomUUID();
        issue(newOrder(unit)).then().statusCode(201);
        Map<String, Object> urging = newOrder(unit);
        urging.put("rung", "URGING_NOTICE");
        issue(urging).then().statusCode(201);

        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/orders/summary")
                .then().statusCode(200)
                .body("rung", contains("REMINDER_NOTICE", "URGING_NOTICE"))
                .body("open", contains(1, 1))
                .body("overdue", contains(0, 0));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("unit", UUID.randomUUID())
                .get("/api/v1/orders/summary").then().statusCode(403);
    }

    @Test
    void listsAreFilteredAndPaged() {
        UUID unit = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            issue(newOrder(unit)).then().statusCode(201);
        }
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).queryParam("size", 2)
                .queryParam("page", 1).queryParam("overdue", false).queryParam("state", "ISSUED")
                .get("/api/v1/orders")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).queryParam("overdue", true)
                .get("/api/v1/orders").then().body("total", equalTo(0));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 500).get("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json");
        // Not JAX-RS's 404 for an unconvertible query parameter: a 400 that names it and its values.
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("rung", "TOP").get("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rung"))
                .body("errors[0].message", startsWith("must be one of "));
    }

    static Map<String, Object> newOrder(UUID unit) {
        Map<String, Object> order = new HashMap<>();
        order.put("subjectType", "TASK");
        order.put("subjectId", UUID.randomUUID().toString());
        order.put("subjectTitle", "KM-2016-0042 推进户籍制度改革");
        order.put("targetUnitId", unit.toString());
        order.put("basis", "市委书记批示：请改革办督促落实");
        return order;
    }

    private static io.restassured.response.Response issue(Map<String, Object> order) {
        return office().body(order).post("/api/v1/orders");
    }

    private static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON);
    }

    static io.restassured.response.Response transition(String token, String id, String action, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (note != null) {
            body.put("note", note);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/orders/{id}/transitions", id);
    }
}
