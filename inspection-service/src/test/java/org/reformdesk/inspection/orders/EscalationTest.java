package org.reformdesk.inspection.orders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.PilotStatusChanged;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.events.TaskStatusChanged;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.ConsumerLag;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestKafka;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EscalationTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static EventSender sender;
    private static EventProbe probe;

    @Inject
    ServiceClock clock;

    @Inject
    EscalationSweep sweep;

    @Inject
    OrderService orders;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        probe = EventProbe.on(Topics.SUPERVISION);
    }

    @AfterAll
    static void disconnect() {
        sender.close();
        probe.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aLateTaskNobodyAnswersWalksTheWholeLadderAndClosesTheDayTheTaskIsClosed() {
        UUID task = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        at(LocalDate.of(2027, 3, 1));
        sender.send(UUID.randomUUID(), TaskOverdue.of(task, "KM-2027-0001", "深化行政审批制度改革", unit,
                UUID.randomUUID(), LocalDate.of(2027, 2, 28), leader), now());
        awaitOrders(task, 1);
        // Five working days from Monday 1 March.
        latest(task, "REMINDER_NOTICE", "2027-03-08");

        at(LocalDate.of(2027, 3, 8));
        sweep.sweep();
        latest(task, "REMINDER_NOTICE", "2027-03-08");

        at(LocalDate.of(2027, 3, 9));
        sweep.sweep();
        latest(task, "ASSIGNMENT_NOTICE", "2027-03-16").body("items[0].copiedLeaderId", equalTo(leader.toString()))
                .body("items[1].state", equalTo("SUPERSEDED"));
        at(LocalDate.of(2027, 3, 17));
        sweep.sweep();
        latest(task, "URGING_NOTICE", "2027-03-22");
        at(LocalDate.of(2027, 3, 23));
        sweep.sweep();
        latest(task, "RECTIFICATION_ORDER", "2027-03-26").body("items[0].reason", containsString("任务逾期未完成"));

        at(LocalDate.of(2027, 3, 29));
        sweep.sweep();
        sweep.sweep();
        latest(task, "RECTIFICATION_ORDER", "2027-03-26").body("total", equalTo(4))
                .body("items[0].state", equalTo("ISSUED"))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].accountabilityDueOn", equalTo("2027-03-29"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit)
                .queryParam("accountabilityDue", true).get("/api/v1/orders")
                .then().body("total", equalTo(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe.matching(r ->
                "reform.supervision.order-escalated.v1".equals(r.type()) && r.data().contains(task.toString())))
                .hasSize(3).allSatisfy(r -> assertThat(r.data()).contains(leader.toString())));

        at(LocalDate.of(2027, 3, 30));
        sender.send(UUID.randomUUID(), TaskClosed.of(task, "KM-2027-0001", "深化行政审批制度改革", unit,
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 30)), now());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> orderList(task)
                .body("items[0].state", equalTo("CLOSED"))
                .body("items[0].closedReason", containsString("任务已销号")));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.supervision.order-closed.v1".equals(r.type()) && r.data().contains(task.toString())).size() == 1);
        String first = orderList(task).extract().path("items[3].id");
        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/orders/{id}/history", first)
                .then().body("action", contains("ISSUE", "SUPERSEDE")).body("[1].actor", equalTo("system"));
    }

    @Test
    void anAcceptedAnswerStopsTheLadder() {
        UUID unit = UUID.randomUUID();
        at(LocalDate.of(2027, 4, 5));
        var order = OrderLifecycleTest.newOrder(unit);
        String id = given().auth().oauth2(TestTokens.reformOffice()).contentType("application/json").body(order)
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        OrderLifecycleTest.transition(TestTokens.unitOfficer(unit), id, "ANSWER", "已办结").then().statusCode(200);
        OrderLifecycleTest.transition(TestTokens.reformOffice(), id, "ACCEPT", null).then().statusCode(200);

        at(LocalDate.of(2027, 4, 30));
        sweep.sweep();

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).get("/api/v1/orders")
                .then().body("total", equalTo(1)).body("items[0].state", equalTo("CLOSED"));
    }

    @Test
    void anAnswerTheOfficeHasNotAcceptedByTheReplyByDateStillEscalates() {
        UUID unit = UUID.randomUUID();
        at(LocalDate.of(2027, 4, 5));
        String id = given().auth().oauth2(TestTokens.reformOffice()).contentType("application/json")
                .body(OrderLifecycleTest.newOrder(unit)).post("/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        OrderLifecycleTest.transition(TestTokens.unitOfficer(unit), id, "ANSWER", "正在推进").then().statusCode(200);

        at(LocalDate.of(2027, 4, 30));
        sweep.sweep();

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).get("/api/v1/orders")
                .then().body("total", equalTo(2)).body("items[0].rung", equalTo("ASSIGNMENT_NOTICE"))
                .body("items[1].state", equalTo("SUPERSEDED"));
    }

    @Test
    void twoSweepsAtOnceEscalateEachOrderOnce() throws Exception {
        List<UUID> subjects = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            subjects.add(UUID.randomUUID());
        }
        UUID unit = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> subjects.forEach(subject -> orders.firstRung(
                new OrderService.Occasion(OrderOrigin.TASK_OVERDUE, "TASK", subject, "并发测试任务", unit, null,
                        "任务逾期未完成"), LocalDate.of(2027, 5, 3))));
        at(LocalDate.of(2027, 5, 20));

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<EscalationSweep.Result> a = replicas.submit(sweep::sweep);
            Future<EscalationSweep.Result> b = replicas.submit(sweep::sweep);
            assertThat(a.get().escalated() + b.get().escalated()).isGreaterThanOrEqualTo(300);
        } finally {
            replicas.shutdown();
        }

        Map<String, Long> byRung = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                            "SELECT rung, count(*) FROM supervision_order WHERE target_unit_id = :unit GROUP BY rung")
                    .setParameter("unit", unit).getResultList();
            return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r[0],
                    r -> ((Number) r[1]).longValue()));
        });
        assertThat(byRung).containsExactlyInAnyOrderEntriesOf(Map.of("REMINDER_NOTICE", 300L, "ASSIGNMENT_NOTICE", 300L));
        long escalatedEvents = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE type = 'reform.supervision.order-escalated.v1' "
                                + "AND payload->>'targetUnitId' = :unit")
                .setParameter("unit", unit.toString()).getSingleResult()).longValue());
        assertThat(escalatedEvents).isEqualTo(300);
    }

    @Test
    void aLateReportGetsTheFirstRungOnceAndACancelledTaskClosesIt() {
        UUID task = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        sender.send(ReportOverdue.of(task, "KM-2026-0301", "推进国资国企改革", unit, UUID.randomUUID(), "2026-10",
                LocalDate.of(2026, 10, 25), null));
        awaitOrders(task, 1);
        sender.send(ReportOverdue.of(task, "KM-2026-0301", "推进国资国企改革", unit, UUID.randomUUID(), "2026-11",
                LocalDate.of(2026, 11, 25), null));
        TaskStatusChanged cancelled = TaskStatusChanged.of(task, "KM-2026-0301", "推进国资国企改革", unit, "IN_PROGRESS",
                "CANCELLED", "上级部署调整", "office");
        UUID cancelledId = UUID.randomUUID();
        sender.send(cancelledId, cancelled);
        sender.send(cancelledId, cancelled);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> orderList(task)
                .body("total", equalTo(1))
                .body("items[0].rung", equalTo("REMINDER_NOTICE"))
                .body("items[0].origin", equalTo("REPORT_OVERDUE"))
                .body("items[0].state", equalTo("CLOSED"))
                .body("items[0].closedReason", equalTo("任务已调整出计划（取消）：上级部署调整")));
        String id = orderList(task).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/orders/{id}/history", id)
                .then().body("action", contains("ISSUE", "CLOSE"));
    }

    @Test
    void aReassignedTasksOpenOrderStaysWithItsUnitUnlessTheOfficeHasItClosed() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        for (UUID task : List.of(kept, closed)) {
            sender.send(UUID.randomUUID(), TaskOverdue.of(task, "KM-2026-0401", "推进城市管理执法体制改革", before,
                    UUID.randomUUID(), LocalDate.of(2026, 9, 30)));
            awaitOrders(task, 1);
        }

        for (UUID task : List.of(kept, closed)) {
            TaskReassigned reassigned = TaskReassigned.of(task, "KM-2026-0401", "推进城市管理执法体制改革", before, after,
                    null, null, UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 12, 31), "机构改革后职能划转",
                    task.equals(closed), "office");
            UUID id = UUID.randomUUID();
            sender.send(id, reassigned);
            sender.send(id, reassigned);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> orderList(closed)
                .body("total", equalTo(1)).body("items[0].state", equalTo("CLOSED"))
                .body("items[0].closedReason", equalTo("reassigned：任务已调整牵头单位或责任人（机构改革后职能划转）")));
        ConsumerLag.awaitCaughtUp(TestKafka.bootstrapServers(), Duration.ofSeconds(30), "inspection-service");
        orderList(kept).body("total", equalTo(1)).body("items[0].state", equalTo("ISSUED"))
                .body("items[0].targetUnitId", equalTo(before.toString()));
        String id = orderList(closed).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/orders/{id}/history", id)
                .then().body("action", contains("ISSUE", "CLOSE"));
    }

    @Test
    void aLatePilotSummaryGetsTheFirstRungAndACompletedPilotClosesIt() {
        UUID pilot = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        sender.send(PilotSummaryOverdue.of(pilot, "成都市农村产权制度改革试点", unit, UUID.randomUUID(),
                "QUARTERLY_ANALYSIS", "2026-Q3", LocalDate.of(2026, 10, 10)));
        awaitOrders(pilot, 1);
        orderList(pilot).body("items[0].subjectType", equalTo("PILOT"))
                .body("items[0].reason", containsString("季度分析"));

        sender.send(PilotStatusChanged.of(pilot, "成都市农村产权制度改革试点", unit, null, "ACCEPTANCE", "COMPLETED",
                null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> orderList(pilot)
                .body("items[0].state", equalTo("CLOSED"))
                .body("items[0].closedReason", containsString("试点已完成")));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).queryParam("state", "CLOSED")
                .get("/api/v1/orders").then().body("items.subjectId", hasItem(pilot.toString()));
    }

    @Test
    void onlyTheOfficeRunsTheSweepByHand() {
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).post("/api/v1/orders/escalation-sweeps")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/orders/escalation-sweeps")
                .then().statusCode(200).body("today", equalTo(LocalDate.now(CITY).toString()));
    }

    private void at(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(CITY).toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), CITY);
    }

    private static io.restassured.response.ValidatableResponse latest(UUID subject, String rung, String replyBy) {
        return orderList(subject).body("items[0].rung", equalTo(rung)).body("items[0].replyBy", equalTo(replyBy));
    }

    private static io.restassured.response.ValidatableResponse orderList(UUID subject) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("subject", subject)
                .get("/api/v1/orders").then().statusCode(200);
    }

    private static void awaitOrders(UUID subject, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> orderList(subject).body("total", equalTo(count)));
    }
}
