package org.reformdesk.inspection.orders;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TaskEventsTest {

    private static EventSender sender;
    private static EventProbe probe;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        probe = EventProbe.on(Topics.SUPERVISION, Topics.deadLetter(Topics.TASKS));
    }

    @AfterAll
    static void disconnect() {
        sender.close();
        probe.close();
    }

    @Test
    void anOverdueTaskGetsOneReminderNoticeHoweverOftenTheEventIsDelivered() {
        UUID unit = UUID.randomUUID();
        TaskOverdue overdue = overdue(UUID.randomUUID(), unit, LocalDate.of(2026, 6, 30));
        UUID eventId = UUID.randomUUID();

        sender.send(eventId, overdue);
        sender.send(eventId, overdue);
        sender.send(eventId, overdue);

        awaitOrders(overdue.taskId(), 1);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("subject", overdue.taskId())
                .get("/api/v1/orders")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].rung", equalTo("REMINDER_NOTICE"))
                .body("items[0].state", equalTo("ISSUED"))
                .body("items[0].targetUnitId", equalTo(unit.toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.supervision.order-issued.v1".equals(r.type())
                        && r.data().contains(overdue.taskId().toString())).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> probe.matching(r ->
                "reform.supervision.order-issued.v1".equals(r.type())
                        && r.data().contains(overdue.taskId().toString())).size() == 1);
    }

    @Test
    void aTaskOverdueAgainWithAnOrderOpenMovesUpOneRung() {
        UUID task = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        sender.send(overdue(task, unit, LocalDate.of(2026, 6, 30)));
        awaitOrders(task, 1);

        sender.send(overdue(task, unit, LocalDate.of(2026, 9, 30)));
        awaitOrders(task, 2);

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("subject", task).queryParam("state", "ISSUED")
                .get("/api/v1/orders")
                .then().body("total", equalTo(1)).body("items[0].rung", equalTo("ASSIGNMENT_NOTICE"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("subject", task).queryParam("state", "SUPERSEDED")
                .get("/api/v1/orders")
                .then().body("total", equalTo(1)).body("items[0].rung", equalTo("REMINDER_NOTICE"));
    }

    @Test
    void recordsThatCanNeverBeReadGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String badJson = UUID.randomUUID().toString();
        sender.sendRaw(Topics.TASKS, badJson, "{\"taskId\": ", cloudEventHeaders("reform.task.overdue.v1"));
        String noHeaders = UUID.randomUUID().toString();
        sender.sendRaw(Topics.TASKS, noHeaders, "{}", Map.of());
        String failsSchema = UUID.randomUUID().toString();
        sender.sendRaw(Topics.TASKS, failsSchema, "{\"taskId\": \"" + failsSchema + "\", \"deadline\": \"soon\"}",
                cloudEventHeaders("reform.task.overdue.v1"));
        String garbageType = UUID.randomUUID().toString();
        sender.sendRaw(Topics.TASKS, garbageType, "{}", cloudEventHeaders("hello world"));
        TaskOverdue good = overdue(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 1, 31));
        sender.send(good);

        awaitOrders(good.taskId(), 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String key : new String[] {badJson, noHeaders, failsSchema, garbageType}) {
                assertThat(probe.matching(r -> r.topic().equals("reform.tasks.v1.dlq") && key.equals(r.key())))
                        .singleElement()
                        .satisfies(r -> assertThat(r.headers()).containsKey("dead-letter-reason"));
            }
        });
    }

    @Test
    void aWellFormedTypeFromANewerProducerIsIgnoredNotDeadLettered() {
        String key = UUID.randomUUID().toString();
        sender.sendRaw(Topics.TASKS, key, "{}", cloudEventHeaders("reform.task.split.v1"));
        TaskOverdue after = overdue(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 1, 31));
        sender.send(after);

        awaitOrders(after.taskId(), 1);
        assertThat(probe.matching(r -> key.equals(r.key()))).isEmpty();
    }

    @Test
    void ordersNeedAToken() {
        given().get("/api/v1/orders").then().statusCode(401);
    }

    @Test
    void aUnitOfficerSeesOnlyOrdersToTheirUnit() {
        UUID mine = UUID.randomUUID();
        TaskOverdue overdue = overdue(UUID.randomUUID(), mine, LocalDate.of(2026, 2, 28));
        sender.send(overdue);
        awaitOrders(overdue.taskId(), 1);
        String orderId = given().auth().oauth2(TestTokens.reformOffice()).queryParam("subject", overdue.taskId())
                .get("/api/v1/orders").then().extract().path("items[0].id");

        given().auth().oauth2(TestTokens.unitOfficer(mine)).get("/api/v1/orders/{id}", orderId)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).get("/api/v1/orders/{id}", orderId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).queryParam("unit", mine)
                .get("/api/v1/orders").then().statusCode(403);
    }

    private static void awaitOrders(UUID subject, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).queryParam("subject", subject)
                        .get("/api/v1/orders").then().body("total", equalTo(count)));
    }

    private static TaskOverdue overdue(UUID task, UUID unit, LocalDate deadline) {
        return TaskOverdue.of(task, "KM-2016-0042", "推进户籍制度改革", unit, UUID.randomUUID(), deadline);
    }

    private static Map<String, String> cloudEventHeaders(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/test", "content-type", "application/json");
    }
}
