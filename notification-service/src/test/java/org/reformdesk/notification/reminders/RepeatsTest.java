package org.reformdesk.notification.reminders;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RepeatsTest {

    private static EventSender sender;

    @Inject
    Repeats repeats;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
    }

    @AfterAll
    static void disconnect() {
        sender.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static io.restassured.response.ValidatableResponse inbox(UUID person) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("kind", "TASK_OVERDUE").queryParam("channel", "INBOX")
                .get("/api/v1/notifications").then().statusCode(200);
    }

    @Test
    void anOverdueTaskIsRemindedAgainEveryThreeDaysUntilItIsClosed() {
        UUID person = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        sender.send(TaskOverdue.of(task, "KM-2015-0123", "深化行政审批制度改革", UUID.randomUUID(), person,
                LocalDate.of(2015, 12, 31)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inbox(person).body("total", equalTo(1)));

        clock.moveTo(clock.instant().plus(Duration.ofDays(2)));
        repeats.sweep();
        inbox(person).body("total", equalTo(1));

        clock.moveTo(clock.instant().plus(Duration.ofDays(1).plusMinutes(1)));
        repeats.sweep();
        repeats.sweep();
        inbox(person).body("total", equalTo(2))
                .body("items[0].occasion", equalTo("2015-12-31#2"))
                .body("items[0].title", equalTo("任务逾期提醒：KM-2015-0123（第2次提醒）"));

        sender.send(TaskClosed.of(task, "KM-2015-0123", "深化行政审批制度改革", UUID.randomUUID(),
                LocalDate.of(2015, 12, 31), LocalDate.of(2016, 1, 10)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                        .queryParam("channel", "EMAIL").get("/api/v1/notifications").then()
                        .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("SKIPPED")))
                        .body("items[0].reason", equalTo("the subject closed")));
        clock.moveTo(clock.instant().plus(Duration.ofDays(7)));
        repeats.sweep();
        inbox(person).body("total", equalTo(2));
    }
}
