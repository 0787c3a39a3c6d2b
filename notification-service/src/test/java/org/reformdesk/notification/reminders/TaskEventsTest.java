package org.reformdesk.notification.reminders;

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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TaskEventsTest {

    private static EventSender sender;
    private static EventProbe probe;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        probe = EventProbe.on(Topics.NOTIFICATIONS);
    }

    @AfterAll
    static void disconnect() {
        sender.close();
        probe.close();
    }

    @Test
    void theResponsiblePersonFindsOneOverdueReminderInTheInbox() {
        UUID person = UUID.randomUUID();
        TaskOverdue overdue = TaskOverdue.of(UUID.randomUUID(), "KM-2015-0123", "深化行政审批制度改革",
                UUID.randomUUID(), person, LocalDate.of(2015, 12, 31));
        UUID eventId = UUID.randomUUID();

        sender.send(eventId, overdue);
        sender.send(eventId, overdue);
        // the same occasion announced again under a new event id is still the same reminder
        sender.send(overdue);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                        .queryParam("kind", "TASK_OVERDUE").queryParam("channel", "INBOX")
                        .get("/api/v1/notifications")
                        .then().statusCode(200).body("total", equalTo(1)));
        given().auth().oauth2(TestTokens.person(person, UUID.randomUUID())).queryParam("recipient", person)
                .queryParam("channel", "INBOX")
                .get("/api/v1/notifications")
                .then().statusCode(200)
                .body("items[0].kind", equalTo("TASK_OVERDUE"))
                .body("items[0].state", equalTo("DELIVERED"))
                .body("items[0].body", containsString("KM-2015-0123"))
                .body("items[0].occasion", equalTo("2015-12-31"));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.notification.delivered.v1".equals(r.type()) && r.data().contains(person.toString())
                && r.data().contains("INBOX")).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> probe.matching(r ->
                "reform.notification.delivered.v1".equals(r.type()) && r.data().contains(person.toString())
                && r.data().contains("INBOX")).size() == 1);
    }

    @Test
    void aNewDeadlinePassingIsANewOccasion() {
        UUID person = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        sender.send(TaskOverdue.of(task, "KM-1", "任务", UUID.randomUUID(), person, LocalDate.of(2026, 3, 31)));
        sender.send(TaskOverdue.of(task, "KM-1", "任务", UUID.randomUUID(), person, LocalDate.of(2026, 6, 30)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                        .queryParam("channel", "INBOX")
                        .get("/api/v1/notifications").then().body("total", equalTo(2)));
    }

    @Test
    void eachConfiguredChannelOfTheRuleHasItsOwnDeliveryBesideTheInboxAndNoOtherHasAny() {
        // the rule names all seven channels; the tests configure e-mail (the mock mailbox) and nothing else
        UUID person = UUID.randomUUID();
        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-3", "任务", UUID.randomUUID(), person,
                LocalDate.of(2026, 3, 31)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                        .queryParam("kind", "TASK_OVERDUE")
                        .get("/api/v1/notifications").then().body("total", equalTo(2))
                        .body("items.channel", containsInAnyOrder("INBOX", "EMAIL")));
    }

    @Test
    void anUnknownKindOrChannelIsRefused() {
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", UUID.randomUUID())
                .queryParam("kind", "PARTY").get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", UUID.randomUUID())
                .queryParam("channel", "FAX").get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
    }

    @Test
    void nobodyReadsSomeoneElsesReminders() {
        given().auth().oauth2(TestTokens.person(UUID.randomUUID(), UUID.randomUUID()))
                .queryParam("recipient", UUID.randomUUID())
                .get("/api/v1/notifications")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theRecipientIsRequired() {
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("recipient"));
    }
}
