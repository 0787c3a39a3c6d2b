package org.reformdesk.notification.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** A person's own choices, under the movable clock: channels per kind, quiet hours, the daily digest. */
@QuarkusTest
@TestProfile(EveryChannel.class)
class PreferencesTest {

    private static final AtomicInteger PHONES = new AtomicInteger(5000);
    private static EventSender sender;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        LocalSmsGateway.instance();
    }

    @AfterAll
    static void disconnect() {
        sender.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void at(int hour, int minute) {
        clock.moveTo(LocalDateTime.of(2026, 4, 1, hour, minute).atZone(clock.getZone()).toInstant());
    }

    private static String token(UUID person) {
        return TestTokens.person(person, UUID.randomUUID());
    }

    private static String personWithPhone(UUID person) {
        String phone = "1391111" + String.format("%04d", PHONES.incrementAndGet());
        sender.send(PersonChanged.of(person, "李联络员", UUID.randomUUID(), "LIAISON", phone, null, "zh-CN"));
        return phone;
    }

    private static void dueSoon(UUID person, String code) {
        sender.send(TaskDueSoon.of(UUID.randomUUID(), code, "推进政务服务一网通办", UUID.randomUUID(), person,
                LocalDate.of(2026, 4, 4), 3, null, null));
    }

    private static void overdue(UUID person, String code) {
        sender.send(TaskOverdue.of(UUID.randomUUID(), code, "深化行政审批制度改革", UUID.randomUUID(), person,
                LocalDate.of(2026, 3, 31)));
    }

    private static ValidatableResponse sms(UUID person, String kind) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("channel", "SMS").queryParam("kind", kind).get("/api/v1/notifications").then()
                .statusCode(200);
    }

    private static void choose(UUID person, Map<String, Object> preferences) {
        given().auth().oauth2(token(person)).contentType(ContentType.JSON).body(preferences)
                .put("/api/v1/me/preferences").then().statusCode(200);
    }

    @Test
    void aPersonSeesTheOfficeDefaultsAndEveryKindWithItsChannels() {
        UUID me = UUID.randomUUID();
        given().auth().oauth2(token(me)).get("/api/v1/me/preferences").then().statusCode(200)
                .body("quietHours.from", equalTo("22:00:00")).body("quietHours.until", equalTo("08:00:00"))
                .body("quietHours.own", equalTo(false)).body("digestAt", nullValue())
                .body("alwaysDeliveredRungs", equalTo(List.of("RECTIFICATION_ORDER")))
                .body("kinds.kind", hasItem("MONTH_PUBLISHED"))
                .body("kinds.find { it.kind == 'TASK_OVERDUE' }.alwaysDelivered", equalTo(true))
                .body("kinds.find { it.kind == 'TASK_DUE_SOON' }.channels.find { it.channel == 'SMS' }.changeable",
                        equalTo(true))
                .body("kinds.find { it.kind == 'TASK_DUE_SOON' }.channels.find { it.channel == 'INBOX' }.changeable",
                        equalTo(false));
    }

    @Test
    void badChoicesAreRefusedAndChangeNothing() {
        UUID me = UUID.randomUUID();
        choose(me, Map.of("digestAt", "18:00"));
        List<Map<String, Object>> bad = List.of(
                Map.of("kinds", List.of(Map.of("kind", "NO_SUCH_KIND", "channels", List.of()))),
                Map.of("kinds", List.of(Map.of("kind", "TASK_DUE_SOON", "channels",
                        List.of(Map.of("channel", "INBOX", "on", false))))),
                Map.of("kinds", List.of(Map.of("kind", "TASK_OVERDUE", "channels",
                        List.of(Map.of("channel", "SMS", "on", false))))),
                Map.of("kinds", List.of(Map.of("kind", "MONTH_PUBLISHED", "channels",
                        List.of(Map.of("channel", "SMS", "on", false))))),
                Map.of("kinds", List.of(Map.of("kind", "TASK_DUE_SOON", "channels", List.of()),
                        Map.of("kind", "TASK_DUE_SOON", "channels", List.of()))),
                Map.of("quietHours", Map.of("from", "21:00")),
                Map.of("digestAt", "25:00"));
        for (Map<String, Object> choice : bad) {
            given().auth().oauth2(token(me)).contentType(ContentType.JSON).body(choice).put("/api/v1/me/preferences")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(token(me)).get("/api/v1/me/preferences").then().body("digestAt", equalTo("18:00:00"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/me/preferences").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void myOwnQuietHoursHoldWhatIsNotUrgentWhileTheOverdueGoesOutAfterTheOfficesMorning() {
        UUID me = UUID.randomUUID();
        String phone = personWithPhone(me);
        choose(me, Map.of("quietHours", Map.of("from", "20:00", "until", "09:00")));
        given().auth().oauth2(token(me)).get("/api/v1/me/preferences").then()
                .body("quietHours.from", equalTo("20:00:00")).body("quietHours.own", equalTo(true));
        at(8, 30);
        dueSoon(me, "KM-QH-1");
        overdue(me, "KM-QH-2");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sms(me, "TASK_DUE_SOON")
                .body("items[0].state", equalTo("PENDING")).body("items[0].reason", equalTo("held for the quiet hours")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sms(me, "TASK_OVERDUE")
                .body("items[0].state", equalTo("SENT")));

        at(9, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sms(me, "TASK_DUE_SOON")
                .body("items[0].state", equalTo("SENT")));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).hasSize(2);
    }

    @Test
    void aChannelTurnedOffForAKindIsSkippedForItAlone() {
        UUID me = UUID.randomUUID();
        String phone = personWithPhone(me);
        choose(me, Map.of("kinds", List.of(Map.of("kind", "TASK_DUE_SOON", "channels",
                List.of(Map.of("channel", "SMS", "on", false), Map.of("channel", "INBOX", "on", true))))));
        at(10, 0);
        dueSoon(me, "KM-OFF-1");
        overdue(me, "KM-OFF-2");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sms(me, "TASK_DUE_SOON")
                .body("items[0].state", equalTo("SKIPPED")).body("items[0].reason", containsString("turned this")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sms(me, "TASK_OVERDUE")
                .body("items[0].state", equalTo("SENT")));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).singleElement()
                .satisfies(sms -> assertThat(sms.get("TemplateParam")).contains("KM-OFF-2"));
    }

    @Test
    void theDailyDigestGathersWhatIsNotUrgentIntoOneMessageAtItsTime() {
        UUID me = UUID.randomUUID();
        String phone = personWithPhone(me);
        choose(me, Map.of("digestAt", "18:00"));
        at(10, 0);
        dueSoon(me, "KM-DG-1");
        dueSoon(me, "KM-DG-2");
        overdue(me, "KM-DG-3");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> reasons = sms(me, "TASK_DUE_SOON").extract().path("items.reason");
            assertThat(reasons).hasSize(2).containsOnly("held for the recipient's daily digest");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sms(me, "TASK_OVERDUE")
                .body("items[0].state", equalTo("SENT")));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).hasSize(1);

        at(18, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> states = sms(me, "TASK_DUE_SOON").extract().path("items.state");
            assertThat(states).hasSize(2).containsOnly("SENT");
        });
        assertThat(LocalSmsGateway.instance().sentTo(phone)).hasSize(2);
        assertThat(LocalSmsGateway.instance().sentTo(phone).get(1).get("TemplateParam"))
                .as("one message for both, naming them").contains("您有2条新提醒");
    }
}
