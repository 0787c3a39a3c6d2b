package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class TaskChangeResourceTest {

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

    @Test
    void theOfficeCorrectsADescriptiveFieldsAndTheHistoryKeepsOldAndNew() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate due = clock.today().plusMonths(3);
        UUID task = LedgerFixtures.task(Map.of("title", "推进户籍制度改革", "leadUnitId", lead.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", due.plusMonths(6).toString(),
                "policyAreas", List.of("社会民生"), "milestones", List.of(Map.of("name", "出台方案", "dueOn", due.toString()),
                        Map.of("name", "完成试点", "dueOn", due.plusMonths(2).toString()))));
        String plan = milestoneId(task, "出台方案");

        Map<String, Object> edit = Map.of("title", "深化户籍制度改革", "description", "放宽中心城区落户条件",
                "policyAreas", List.of("社会民生", "经济"), "participatingUnitIds", List.of(district.toString()),
                "milestones", List.of(Map.of("id", plan, "name", "出台实施方案", "dueOn", due.toString()),
                        Map.of("name", "总结评估", "dueOn", due.plusMonths(4).toString())));
        patch(task, TestTokens.reformOffice(), edit).then().statusCode(200).contentType(ContentType.JSON)
                .body("title", equalTo("深化户籍制度改革")).body("description", equalTo("放宽中心城区落户条件"))
                .body("policyAreas", equalTo(List.of("社会民生", "经济")))
                .body("participatingUnitIds", equalTo(List.of(district.toString())))
                .body("milestones.name", equalTo(List.of("出台实施方案", "总结评估")))
                .body("milestones[0].id", equalTo(plan));

        List<Map<String, Object>> edits = history(task).stream()
                .filter(entry -> "EDITED".equals(entry.get("action"))).toList();
        assertThat(edits).extracting(entry -> entry.get("field") + ": " + entry.get("oldValue") + " → "
                + entry.get("newValue")).containsExactlyInAnyOrder(
                "title: 推进户籍制度改革 → 深化户籍制度改革",
                "description: null → 放宽中心城区落户条件",
                "policyAreas: 社会民生 → 社会民生、经济",
                "participatingUnitIds:  → " + district,
                "milestones: 出台方案：" + due + " → 出台实施方案：" + due,
                "milestones: null → 总结评估：" + due.plusMonths(4),
                "milestones: 完成试点：" + due.plusMonths(2) + " → null");
        assertThat(edits).allSatisfy(entry -> assertThat(entry.get("actor")).isEqualTo("office"));
        // the district now takes part, so its officer reads the task
        given().auth().oauth2(TestTokens.unitOfficer(district)).get("/api/v1/tasks/{id}", task).then().statusCode(200);
    }

    @Test
    void sendingTheSameEditAgainChangesNothingWithOrWithoutAnIdempotencyKey() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(lead, clock.today().plusMonths(6));
        Map<String, Object> edit = Map.of("title", "推进政务服务“一张网”建设",
                "milestones", List.of(Map.of("name", "上线试运行", "dueOn", clock.today().plusMonths(2).toString())));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "edit-" + task).body(edit).patch("/api/v1/tasks/{id}", task)
                    .then().statusCode(200).body("milestones", hasSize(1));
        }
        patch(task, TestTokens.reformOffice(), edit).then().statusCode(200).body("milestones", hasSize(1));

        assertThat(history(task)).filteredOn(entry -> "EDITED".equals(entry.get("action"))).hasSize(2);
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "edit-" + task).body(Map.of("title", "另一个标题"))
                .patch("/api/v1/tasks/{id}", task).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aBadEditIsAProblemListingEveryFieldAndChangesNothing() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(lead, clock.today().plusMonths(6));
        Map<String, Object> before = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().extract().path("");

        patch(task, TestTokens.reformOffice(), Map.of("title", " ", "policyAreas", List.of("外交"),
                "participatingUnitIds", List.of(UUID.randomUUID().toString(), lead.toString())))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("policyAreas"))
                .body("errors.field", hasItem("participatingUnitIds"));
        patch(task, TestTokens.reformOffice(), Map.of("milestones", List.of(Map.of("name", "出台方案"))))
                .then().statusCode(400).contentType("application/problem+json");
        patch(task, TestTokens.reformOffice(), Map.of("title", 42, "policyAreas", "经济"))
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().extract().<Map<String, Object>>path("")).isEqualTo(before);
        assertThat(history(task)).extracting(entry -> entry.get("action")).containsExactly("CREATED");
    }

    @Test
    void onlyTheOfficeEditsAndAClosedTaskStaysAsItWas() {
        UUID lead = LedgerFixtures.unit("C", "DISTRICT");
        UUID task = LedgerFixtures.task(lead, clock.today().plusMonths(6));

        for (String token : List.of(TestTokens.unitOfficer(lead), TestTokens.withRoles("leader", null, "leader"))) {
            patch(task, token, Map.of("title", "改个标题")).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        LedgerFixtures.move(task, "CANCEL", "调整出计划");
        patch(task, TestTokens.reformOffice(), Map.of("title", "改个标题")).then().statusCode(409)
                .contentType("application/problem+json");
        patch(UUID.randomUUID(), TestTokens.reformOffice(), Map.of("title", "改个标题")).then().statusCode(404);
    }

    @Test
    void aReassignmentHandsTheTaskOnRecordsWhyAndTellsTheOtherServices() {
        UUID before = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID after = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID oldPerson = LedgerFixtures.person(before, "HEAD", "李国强");
        UUID newPerson = LedgerFixtures.person(after, "HEAD", "张文");
        UUID leader = LedgerFixtures.person(after, "LEADER", "钱伟");
        UUID task = LedgerFixtures.task(Map.of("title", "深化国有企业改革", "leadUnitId", before.toString(),
                "coLeadUnitIds", List.of(after.toString()), "responsiblePersonId", oldPerson.toString(),
                "deadline", clock.today().plusMonths(4).toString()));

        reassign(task, TestTokens.reformOffice(), Map.of("leadUnitId", after.toString(), "responsiblePersonId",
                newPerson.toString(), "responsibleLeaderId", leader.toString(), "reason", "机构改革后职能划转",
                "closeOpenOrders", true))
                .then().statusCode(200).body("leadUnitId", equalTo(after.toString()))
                .body("coLeadUnitIds", hasSize(0)).body("responsiblePersonId", equalTo(newPerson.toString()))
                .body("responsibleLeaderId", equalTo(leader.toString()));

        assertThat(history(task)).filteredOn(entry -> "REASSIGNED".equals(entry.get("action")))
                .extracting(entry -> entry.get("field") + ": " + entry.get("oldValue") + " → " + entry.get("newValue")
                        + " (" + entry.get("reason") + ")")
                .containsExactlyInAnyOrder("leadUnitId: " + before + " → " + after + " (机构改革后职能划转)",
                        "responsiblePersonId: " + oldPerson + " → " + newPerson + " (机构改革后职能划转)",
                        "responsibleLeaderId: null → " + leader + " (机构改革后职能划转)");
        await().atMost(Duration.ofSeconds(15)).until(() -> reassigned(task).size() == 1);
        TaskReassigned event = reassigned(task).get(0);
        assertThat(event.previousLeadUnitId()).isEqualTo(before);
        assertThat(event.leadUnitId()).isEqualTo(after);
        assertThat(event.previousResponsiblePersonId()).isEqualTo(oldPerson);
        assertThat(event.responsiblePersonId()).isEqualTo(newPerson);
        assertThat(event.closeOpenOrders()).isTrue();
        assertThat(event.reassignedBy()).isEqualTo("office");
        // the old lead unit's officer no longer reads it, the new one does
        given().auth().oauth2(TestTokens.unitOfficer(before)).get("/api/v1/tasks/{id}", task).then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(after)).get("/api/v1/tasks/{id}", task).then().statusCode(200);
    }

    @Test
    void aReassignmentRetriedWithItsIdempotencyKeyHappensOnce() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        UUID person = LedgerFixtures.person(unit, "LIAISON", "高雪");
        UUID task = LedgerFixtures.task(unit, clock.today().plusMonths(2));
        Map<String, Object> body = Map.of("responsiblePersonId", person.toString(), "reason", "原责任人调离");

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "reassign-" + task).body(body)
                    .post("/api/v1/tasks/{id}/reassignments", task)
                    .then().statusCode(200).body("responsiblePersonId", equalTo(person.toString()));
        }
        reassign(task, TestTokens.reformOffice(), body).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("nothing to reassign"));

        assertThat(history(task)).filteredOn(entry -> "REASSIGNED".equals(entry.get("action"))).hasSize(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> reassigned(task).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> reassigned(task).size() == 1);
    }

    @Test
    void aBadReassignmentIsAProblemAndOnlyTheOfficeReassigns() {
        UUID unit = LedgerFixtures.unit("C", "DISTRICT");
        UUID person = LedgerFixtures.person(unit, "HEAD", "罗斌");
        UUID task = LedgerFixtures.task(unit, clock.today().plusMonths(2));
        Map<String, Object> good = new HashMap<>(Map.of("responsiblePersonId", person.toString(), "reason", "调整"));

        reassign(task, TestTokens.reformOffice(), Map.of("leadUnitId", UUID.randomUUID().toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "reason", "调整"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("leadUnitId")).body("errors.field", hasItem("responsiblePersonId"));
        reassign(task, TestTokens.reformOffice(), Map.of("responsiblePersonId", person.toString()))
                .then().statusCode(400).contentType("application/problem+json");
        for (String token : List.of(TestTokens.unitOfficer(unit), TestTokens.groupLiaison(UUID.randomUUID()))) {
            reassign(task, token, good).then().statusCode(403).contentType("application/problem+json");
        }

        assertThat(history(task)).extracting(entry -> entry.get("action")).containsExactly("CREATED");
        assertThat(reassigned(task)).isEmpty();
    }

    private static Response patch(UUID task, String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).patch("/api/v1/tasks/{id}", task);
    }

    private static Response reassign(UUID task, String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tasks/{id}/reassignments", task);
    }

    private static String milestoneId(UUID task, String name) {
        return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().extract().path("milestones.find { it.name == '" + name + "' }.id");
    }

    private static List<Map<String, Object>> history(UUID task) {
        return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().statusCode(200).extract().path("");
    }

    private static List<TaskReassigned> reassigned(UUID task) {
        return tasks.ofType("reform.task.reassigned.v1", task.toString()).stream()
                .map(r -> (TaskReassigned) EventCodec.instance().decode(r.type(), r.data()).orElseThrow()).toList();
    }
}
