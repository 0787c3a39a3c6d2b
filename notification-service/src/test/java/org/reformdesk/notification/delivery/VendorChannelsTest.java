package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The channels that reach phones, each against a local fake of its vendor that checks what the real one checks: Web
 * Push to every subscribed browser (VAPID, aes128gcm), FCM to every registered phone (service-account token), WeCom
 * and DingTalk with their tokens kept until they expire.
 */
@QuarkusTest
@TestProfile(EveryChannel.class)
class VendorChannelsTest {

    private static EventSender sender;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        LocalPushService.instance();
        LocalFcm.instance();
        LocalWorkMessengers.instance();
    }

    @AfterAll
    static void disconnect() {
        sender.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void at(int hour) {
        clock.moveTo(LocalDateTime.of(2026, 4, 1, hour, 0).atZone(clock.getZone()).toInstant());
    }

    private static UUID person(String wecom, String dingtalk) {
        UUID person = UUID.randomUUID();
        sender.send(new PersonChanged(person, "王主任", UUID.randomUUID(), "HEAD", null, null, "zh-CN", null, wecom, dingtalk));
        return person;
    }

    private static String overdue(UUID person) {
        String code = "KM-2026-" + UUID.randomUUID().toString().substring(0, 4);
        sender.send(TaskOverdue.of(UUID.randomUUID(), code, "深化行政审批制度改革", UUID.randomUUID(), person,
                LocalDate.of(2026, 3, 31)));
        return code;
    }

    private static ValidatableResponse deliveries(UUID person, String channel) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("channel", channel).get("/api/v1/notifications").then().statusCode(200);
    }

    private static void awaitState(UUID person, String channel, int count, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> states = deliveries(person, channel).extract().path("items.state");
            assertThat(states).hasSize(count).containsOnly(state);
        });
    }

    private static String token(UUID person) {
        return TestTokens.person(person, UUID.randomUUID());
    }

    private static void subscribe(UUID person, LocalPushService.Browser browser) {
        given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint(), "expirationTime", "",
                        "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                .post("/api/v1/me/push-subscriptions").then().statusCode(201);
    }

    @Test
    void everySubscribedBrowserGetsTheReminderEncryptedAndAGoneOneIsRemoved() {
        at(10);
        UUID person = person(null, null);
        LocalPushService push = LocalPushService.instance();
        LocalPushService.Browser laptop = push.newBrowser();
        LocalPushService.Browser phone = push.newBrowser();
        subscribe(person, laptop);
        subscribe(person, phone);
        String code = overdue(person);

        awaitState(person, "WEB_PUSH", 1, "SENT");
        for (LocalPushService.Browser browser : List.of(laptop, phone)) {
            assertThat(push.receivedBy(browser)).singleElement().satisfies(received -> {
                assertThat(received.payload().path("title").asText()).isEqualTo("任务逾期提醒：" + code);
                assertThat(received.payload().path("body").asText()).contains("深化行政审批制度改革");
                assertThat(received.payload().path("url").asText())
                        .isEqualTo("https://reform.example.org/inbox");
                assertThat(received.headers()).containsEntry("ttl", "259200").containsEntry("urgency", "high");
            });
        }
        assertThat(push.refusals()).isEmpty();

        push.revoke(phone);
        overdue(person);

        awaitState(person, "WEB_PUSH", 2, "SENT");
        assertThat(push.receivedBy(laptop)).hasSize(2);
        given().auth().oauth2(token(person)).get("/api/v1/me/push-subscriptions").then().statusCode(200)
                .body("endpoint", equalTo(List.of(laptop.endpoint())));
    }

    @Test
    void aReminderWhoseEveryBrowserIsGoneFailsAtOnce() {
        at(10);
        UUID person = person(null, null);
        LocalPushService.Browser browser = LocalPushService.instance().newBrowser();
        subscribe(person, browser);
        LocalPushService.instance().revoke(browser);
        overdue(person);

        awaitState(person, "WEB_PUSH", 1, "FAILED");
        deliveries(person, "WEB_PUSH").body("items[0].attempts", equalTo(1))
                .body("items[0].reason", containsString("every device of the recipient is gone"));
        given().auth().oauth2(token(person)).get("/api/v1/me/push-subscriptions").then().body("size()", equalTo(0));
    }

    @Test
    void aBrowserSubscriptionIsCheckedBeforeItIsKept() {
        UUID person = UUID.randomUUID();
        LocalPushService.Browser browser = LocalPushService.instance().newBrowser();
        given().auth().oauth2(token(person)).get("/api/v1/me/push-subscriptions/vapid-key").then().statusCode(200)
                .body("publicKey", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9_-]{87}"));
        given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "http://169.254.169.254/latest", "keys",
                        Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                .post("/api/v1/me/push-subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endpoint"));
        String offCurve = LocalPushService.b64(new byte[] {4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
                42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64});
        given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint(), "keys", Map.of("p256dh", offCurve, "auth",
                        browser.auth())))
                .post("/api/v1/me/push-subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("keys.p256dh"));
        given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint(), "keys", Map.of("p256dh", browser.p256dh(), "auth",
                        "c2hvcnQ")))
                .post("/api/v1/me/push-subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("keys.auth"));
        given().auth().oauth2(token(person)).get("/api/v1/me/push-subscriptions").then().body("size()", equalTo(0));

        subscribe(person, browser);
        given().auth().oauth2(token(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint())).delete("/api/v1/me/push-subscriptions")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                .body(Map.of("endpoint", browser.endpoint())).delete("/api/v1/me/push-subscriptions")
                .then().statusCode(204);
        given().auth().oauth2(token(person)).get("/api/v1/me/push-subscriptions").then().body("size()", equalTo(0));
    }

    @Test
    void everyPhoneGetsThePushWithARenewedTokenAndAnUnregisteredPhoneIsDropped() {
        at(10);
        LocalFcm fcm = LocalFcm.instance();
        UUID person = person(null, null);
        List<String> phones = List.of("fcm-a-" + UUID.randomUUID(), "fcm-b-" + UUID.randomUUID(),
                "fcm-gone-" + UUID.randomUUID());
        for (String phone : phones) {
            given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                    .body(Map.of("token", phone, "platform", "ANDROID")).post("/api/v1/me/devices").then()
                    .statusCode(200);
        }
        fcm.unregister(phones.get(2));
        int tokensBefore = fcm.tokensIssued();
        String code = overdue(person);
        overdue(person);

        awaitState(person, "PUSH", 2, "SENT");
        for (String phone : phones.subList(0, 2)) {
            assertThat(fcm.sentTo(phone)).hasSize(2).anySatisfy(sent -> {
                assertThat(sent.message().path("notification").path("title").asText())
                        .isEqualTo("任务逾期提醒：" + code);
                assertThat(sent.message().path("android").path("priority").asText()).isEqualTo("HIGH");
            });
        }
        assertThat(fcm.tokensIssued() - tokensBefore).as("one token for both reminders").isLessThanOrEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PushDevice.count("personId", person)))
                .as("the unregistered phone is dropped").isEqualTo(2);

        String bearer = fcm.sentTo(phones.get(0)).get(1).bearer();
        clock.moveTo(clock.instant().plus(Duration.ofHours(2)));
        overdue(person);

        awaitState(person, "PUSH", 3, "SENT");
        assertThat(fcm.sentTo(phones.get(0))).hasSize(3);
        assertThat(fcm.sentTo(phones.get(0)).get(2).bearer()).as("the expired token was renewed")
                .isNotEqualTo(bearer);
    }

    @Test
    void aThrottledPhoneIsTriedAgainNoSoonerThanFcmAsks() {
        at(10);
        UUID person = person(null, null);
        String phone = "fcm-busy-" + UUID.randomUUID();
        given().auth().oauth2(token(person)).contentType(ContentType.JSON)
                .body(Map.of("token", phone, "platform", "IOS")).post("/api/v1/me/devices").then().statusCode(200);
        LocalFcm.instance().throttle(phone, 3600);
        overdue(person);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deliveries(person, "PUSH")
                .body("items[0].state", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                .body("items[0].reason", containsString("HTTP 429 QUOTA_EXCEEDED")));
        // the policy's own backoff here is 200 ms: a second attempt within seconds would ignore Retry-After
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                deliveries(person, "PUSH").body("items[0].attempts", equalTo(1)));
    }

    @Test
    void workMessengersGetTheTextAndTheConsoleLinkWithTheirTokenKeptUntilItExpires() {
        at(10);
        LocalWorkMessengers messengers = LocalWorkMessengers.instance();
        String wecomUser = "wang-" + UUID.randomUUID().toString().substring(0, 8);
        String dingtalkUser = "ding" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = person(wecomUser, dingtalkUser);
        int wecomTokens = messengers.wecomTokens();
        int dingtalkTokens = messengers.dingtalkTokens();
        String code = overdue(person);
        overdue(person);

        awaitState(person, "WECOM", 2, "SENT");
        awaitState(person, "DINGTALK", 2, "SENT");
        JsonNode card = messengers.wecomMessagesTo(wecomUser).get(0);
        assertThat(card.path("msgtype").asText()).isEqualTo("textcard");
        assertThat(card.path("agentid").asInt()).isEqualTo(LocalWorkMessengers.AGENT_ID);
        assertThat(messengers.wecomMessagesTo(wecomUser)).anySatisfy(message ->
                assertThat(message.path("textcard").path("title").asText()).isEqualTo("任务逾期提醒：" + code));
        assertThat(card.path("textcard").path("description").asText()).contains("深化行政审批制度改革");
        assertThat(card.path("textcard").path("url").asText()).isEqualTo("https://reform.example.org/inbox");
        JsonNode robot = messengers.dingtalkMessagesTo(dingtalkUser).get(0);
        assertThat(robot.path("msgKey").asText()).isEqualTo("sampleActionCard");
        assertThat(robot.path("robotCode").asText()).isEqualTo(LocalWorkMessengers.APP_KEY);
        assertThat(robot.path("msgParam").asText()).contains("深化行政审批制度改革")
                .contains("https://reform.example.org/inbox");
        assertThat(messengers.wecomTokens() - wecomTokens).as("WeCom token fetched once, then kept").isLessThanOrEqualTo(1);
        assertThat(messengers.dingtalkTokens() - dingtalkTokens).as("DingTalk token fetched once, then kept")
                .isLessThanOrEqualTo(1);

        clock.moveTo(clock.instant().plus(Duration.ofHours(3)));
        int wecomBefore = messengers.wecomTokens();
        int dingtalkBefore = messengers.dingtalkTokens();
        overdue(person);

        awaitState(person, "WECOM", 3, "SENT");
        awaitState(person, "DINGTALK", 3, "SENT");
        assertThat(messengers.wecomTokens()).as("the expired WeCom token was fetched again").isEqualTo(wecomBefore + 1);
        assertThat(messengers.dingtalkTokens()).as("the expired DingTalk token was fetched again")
                .isEqualTo(dingtalkBefore + 1);
    }

    @Test
    void aUserIdTheMessengerDoesNotKnowFailsOnTheDeliveryWithoutRetries() {
        at(10);
        String wecomUser = "left-" + UUID.randomUUID().toString().substring(0, 8);
        String dingtalkUser = "gone" + UUID.randomUUID().toString().substring(0, 8);
        LocalWorkMessengers.instance().forget(wecomUser);
        LocalWorkMessengers.instance().forget(dingtalkUser);
        UUID person = person(wecomUser, dingtalkUser);
        overdue(person);

        awaitState(person, "WECOM", 1, "FAILED");
        awaitState(person, "DINGTALK", 1, "FAILED");
        deliveries(person, "WECOM").body("items[0].attempts", equalTo(1))
                .body("items[0].reason", containsString("81013")).body("items[0].reason", containsString(wecomUser));
        deliveries(person, "DINGTALK").body("items[0].attempts", equalTo(1))
                .body("items[0].reason", containsString(dingtalkUser));
    }
}
