package org.reformdesk.notification.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The local run's preview: a channel nobody configured shows what it would send instead of only skipping. */
@QuarkusTest
@TestProfile(PreviewTest.Preview.class)
class PreviewTest {

    public static class Preview implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reform.channels.preview", "true");
        }
    }

    private static EventSender sender;

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

    @Test
    void anUnconfiguredChannelWritesWhatItWouldSendAndSaysSoOnTheDelivery() {
        clock.moveTo(LocalDateTime.of(2026, 4, 1, 10, 0).atZone(clock.getZone()).toInstant());
        UUID person = UUID.randomUUID();
        sender.send(new PersonChanged(person, "王主任", UUID.randomUUID(), "HEAD", "13900009999", null, "zh-CN", null,
                "WangZhuRen", null));
        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-PREVIEW-1", "深化行政审批制度改革", UUID.randomUUID(), person,
                LocalDate.of(2026, 3, 31)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.reformOffice())
                .queryParam("recipient", person).queryParam("channel", "WECOM").get("/api/v1/notifications").then()
                .body("items[0].state", equalTo("SKIPPED"))
                .body("items[0].reason", startsWith("preview only, written to the log: WeCom is not configured")));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("channel", "DINGTALK").get("/api/v1/notifications").then()
                .body("items[0].reason", equalTo("the directory has no dingtalk address for the recipient"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Reminder channels' }.data.WECOM", startsWith("WeCom is not configured"));
    }
}
