package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskDeadlineChanged;
import org.reformdesk.events.TaskStatusChanged;
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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TaskLifecycleResourceTest {

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
    void aTaskWithEveryFieldIsEnteredAsTheOfficeWroteIt() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID coLead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        UUID head = LedgerFixtures.person(lead, "LEADER", "李明");
        UUID responsible = LedgerFixtures.person(lead, "HEAD", "陈刚");
        String group = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "经济体制改革专项小组 " + UUID.randomUUID(), "headPersonId", head.toString(),
                        "liaisonUnitId", lead.toString()))
                .post("/api/v1/groups").then().statusCode(201).extract().path("id");
        String code = "KM-2015-" + UUID.randomUUID().toString().substring(0, 4);

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("code", code), Map.entry("title", "深化商事制度改革"),
                        Map.entry("description", "推进“先照后证”改革"), Map.entry("policyAreas", List.of("经济", "社会民生")),
                        Map.entry("origin", "PROVINCIAL"), Map.entry("rigid", true), Map.entry("planYear", 2015),
                        Map.entry("groupId", group), Map.entry("leadUnitId", lead.toString()),
                        Map.entry("coLeadUnitIds", List.of(coLead.toString(), lead.toString())),
                        Map.entry("participatingUnitIds", List.of(district.toString())),
                        Map.entry("responsiblePersonId", responsible.toString()), Map.entry("deadline", "2030-12-31"),
                        Map.entry("milestones", List.of(Map.of("name", "出台实施方案", "dueOn", "2030-06-30"))),
                        Map.entry("expectedOutcome", "制度文件"), Map.entry("tags", List.of("营商环境")),
                        Map.entry("status", "DRAFT")))
                .post("/api/v1/tasks")
                .then().statusCode(201)
                .body("code", equalTo(code)).body("status", equalTo("DRAFT")).body("origin", equalTo("PROVINCIAL"))
                .body("rigid", equalTo(true)).body("planYear", equalTo(2015)).body("policyAreas", hasItem("社会民生"))
                .body("coLeadUnitIds", equalTo(List.of(coLead.toString())))
                .body("participatingUnitIds", equalTo(List.of(district.toString())))
                .body("responsibleLeaderId", equalTo(head.toString()))
                .body("milestones[0].name", equalTo("出台实施方案")).body("milestones[0].done", equalTo(false))
                .body("expectedOutcome", equalTo("制度文件")).body("tags", equalTo(List.of("营商环境")));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "title", "重复编号", "leadUnitId", lead.toString(),
                        "responsiblePersonId", responsible.toString(), "deadline", "2030-12-31"))
                .post("/api/v1/tasks")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(code));
    }

    @Test
    void unknownAreasAndReferencesAreRefusedTogether() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("title", "任务", "leadUnitId", lead.toString(), "responsiblePersonId", UUID.randomUUID().toString(),
                        "deadline", "2030-01-01", "policyAreas", List.of("航天"), "groupId", UUID.randomUUID().toString(),
                        "participatingUnitIds", List.of(UUID.randomUUID().toString()), "status", "CLOSED"))
                .post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("policyAreas")).body("errors.field", hasItem("groupId"))
                .body("errors.field", hasItem("participatingUnitIds")).body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("leadUnit", lead).get("/api/v1/tasks")
                .then().body("total", equalTo(0));
    }

    @Test
    void aTaskRunsItsLifecycleAndEveryStepIsInItsHistoryAndOnTheTopic() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(Map.of("title", "推进国资国企改革", "leadUnitId", lead.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", clock.today().plusDays(60).toString(),
                "status", "DRAFT", "policyAreas", List.of("经济", "党的建设")));
        String officer = TestTokens.unitOfficer(lead);

        LedgerFixtures.move(task, "ASSIGN", null);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("action", "START"))
                .post("/api/v1/tasks/{id}/transitions", task).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("action", "REQUEST_CLOSE"))
                .post("/api/v1/tasks/{id}/transitions", task).then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("action", "CLOSE"))
                .post("/api/v1/tasks/{id}/transitions", task).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("action", "REJECT"))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        LedgerFixtures.move(task, "REJECT", "佐证材料不全");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("action", "REQUEST_CLOSE"))
                .post("/api/v1/tasks/{id}/transitions", task).then().statusCode(200);
        LedgerFixtures.move(task, "CLOSE", null);

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "MOVED", "MOVED", "MOVED", "MOVED", "MOVED", "MOVED")))
                .body("to", equalTo(List.of("DRAFT", "ASSIGNED", "IN_PROGRESS", "CLOSE_REQUESTED", "IN_PROGRESS",
                        "CLOSE_REQUESTED", "CLOSED")))
                .body("[4].reason", equalTo("佐证材料不全")).body("[4].actor", equalTo("office"))
                .body("[2].actor", equalTo("officer-" + lead.toString().substring(0, 8)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                tasks.ofType("reform.task.status-changed.v1", task.toString()).size() == 6
                        && tasks.ofType("reform.task.closed.v1", task.toString()).size() == 1);
        TaskStatusChanged rejected = (TaskStatusChanged) EventCodec.instance().decode("reform.task.status-changed.v1",
                tasks.ofType("reform.task.status-changed.v1", task.toString()).get(3).data()).orElseThrow();
        assertThat(rejected.toStatus()).isEqualTo("IN_PROGRESS");
        assertThat(rejected.reason()).isEqualTo("佐证材料不全");
        TaskClosed closed = (TaskClosed) EventCodec.instance().decode("reform.task.closed.v1",
                tasks.ofType("reform.task.closed.v1", task.toString()).get(0).data()).orElseThrow();
        assertThat(closed.onTime()).isTrue();
        assertThat(closed.policyAreas()).containsExactly("经济", "党的建设");
    }

    @Test
    void anIllegalTransitionIsAConflictNamingTheCurrentStatusAndChangesNothing() {
        UUID lead = LedgerFixtures.unit("B", "DEPARTMENT");
        UUID task = LedgerFixtures.task(lead, clock.today().plusDays(30));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("action", "CLOSE"))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ASSIGNED")).body("title", containsString("ASSIGNED"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("action", "FLY"))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("status", equalTo("ASSIGNED"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().body("size()", equalTo(1));
    }

    @Test
    void aSuspendedTaskStopsItsClockAndResumesWithTheDaysThatWereLeft() {
        UUID lead = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate deadline = clock.today().plusDays(10);
        UUID task = LedgerFixtures.task(lead, deadline);

        LedgerFixtures.move(task, "SUSPEND", "待上级部署统一启动");
        moveTo(deadline.plusDays(30));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("status", equalTo("SUSPENDED")).body("timeliness", equalTo("ON_TRACK"))
                .body("remainingDays", equalTo(10));
        LedgerFixtures.move(task, "RESUME", null);

        LocalDate resumed = deadline.plusDays(30).plusDays(10);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("status", equalTo("ASSIGNED")).body("deadline", equalTo(resumed.toString()))
                .body("timeliness", equalTo("ON_TRACK")).body("suspendedOn", nullValue());
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().body("find { it.action == 'DEADLINE_CHANGED' }.previousDeadline", equalTo(deadline.toString()))
                .body("find { it.action == 'DEADLINE_CHANGED' }.deadline", equalTo(resumed.toString()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tasks.ofType("reform.task.deadline-changed.v1", task.toString()).size() == 1);
        TaskDeadlineChanged changed = (TaskDeadlineChanged) EventCodec.instance().decode("reform.task.deadline-changed.v1",
                tasks.ofType("reform.task.deadline-changed.v1", task.toString()).get(0).data()).orElseThrow();
        assertThat(changed.previousDueOn()).isEqualTo(deadline);
        assertThat(changed.dueOn()).isEqualTo(resumed);
    }

    @Test
    void anAdjustedDeadlineKeepsTheOldDateAndRestartsTimeliness() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate deadline = clock.today().plusDays(2);
        UUID task = LedgerFixtures.task(lead, deadline);
        LocalDate later = deadline.plusMonths(3);

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("deadline", later.toString(), "reason", "省级配套文件延后出台"))
                .post("/api/v1/tasks/{id}/deadline-adjustments", task)
                .then().statusCode(200).body("deadline", equalTo(later.toString())).body("timeliness", equalTo("ON_TRACK"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("deadline", later.toString(), "reason", "again"))
                .post("/api/v1/tasks/{id}/deadline-adjustments", task)
                .then().statusCode(400).body("errors.field", hasItem("deadline"));
        given().auth().oauth2(TestTokens.unitOfficer(lead)).contentType(ContentType.JSON)
                .body(Map.of("deadline", later.plusDays(1).toString(), "reason", "想延期"))
                .post("/api/v1/tasks/{id}/deadline-adjustments", task)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().body("[1].action", equalTo("DEADLINE_CHANGED"))
                .body("[1].previousDeadline", equalTo(deadline.toString()))
                .body("[1].reason", equalTo("省级配套文件延后出台"));
    }

    @Test
    void theLeadUnitMarksMilestonesButAnotherUnitCannot() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID other = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(lead, clock.today().plusDays(100));
        String milestone = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "完成调研", "dueOn", clock.today().plusDays(20).toString()))
                .post("/api/v1/tasks/{id}/milestones", task)
                .then().statusCode(201).extract().path("milestones[0].id");

        given().auth().oauth2(TestTokens.unitOfficer(other)).contentType(ContentType.JSON).body(Map.of("done", true))
                .put("/api/v1/tasks/{id}/milestones/{m}", task, milestone).then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(other)).get("/api/v1/tasks/{id}", task).then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(lead)).contentType(ContentType.JSON).body(Map.of("done", true))
                .put("/api/v1/tasks/{id}/milestones/{m}", task, milestone)
                .then().statusCode(200).body("milestones[0].done", equalTo(true))
                .body("milestones[0].doneOn", equalTo(clock.today().toString()));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "完成调研", "dueOn", clock.today().plusDays(30).toString()))
                .post("/api/v1/tasks/{id}/milestones", task).then().statusCode(409);
    }

    @Test
    void aParticipatingUnitReadsTheTaskItTakesPartIn() {
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID partner = LedgerFixtures.unit("C", "DISTRICT");
        UUID task = LedgerFixtures.task(Map.of("title", "推进城乡融合发展", "leadUnitId", lead.toString(),
                "participatingUnitIds", List.of(partner.toString()), "responsiblePersonId", UUID.randomUUID().toString(),
                "deadline", "2031-01-01"));

        given().auth().oauth2(TestTokens.unitOfficer(partner)).get("/api/v1/tasks/{id}", task).then().statusCode(200);
        given().auth().oauth2(TestTokens.unitOfficer(partner)).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(task.toString()));
        given().auth().oauth2(TestTokens.unitOfficer(partner)).contentType(ContentType.JSON)
                .body(Map.of("action", "START")).post("/api/v1/tasks/{id}/transitions", task).then().statusCode(403);
    }

    private void moveTo(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(clock.getZone()).toInstant());
    }
}
