package org.reformdesk.notification.delivery;

import io.quarkus.mailer.MockMailbox;
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
import org.reformdesk.events.PersonRemoved;
import org.reformdesk.events.Topics;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(EveryChannel.class)
class ChannelDeliveryTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static EventSender sender;
    private static EventProbe probe;

    @Inject
    MockMailbox mailbox;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
        probe = EventProbe.on(Topics.NOTIFICATIONS);
        LocalSmsGateway.instance();
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

    private static String newPhone() {
        return "1390000" + String.format("%04d", PHONES.incrementAndGet());
    }

    private static ValidatableResponse delivery(UUID person, String channel) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("channel", channel).get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1));
    }

    private UUID knownPerson(String phone, String email) {
        UUID person = UUID.randomUUID();
        sender.send(PersonChanged.of(person, "王主任", UUID.randomUUID(), "HEAD", phone, email, "zh-CN"));
        return person;
    }

    private static void overdue(UUID person) {
        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-2015-0123", "深化行政审批制度改革", UUID.randomUUID(), person,
                LocalDate.of(2015, 12, 31)));
    }

    private void inTheDaytime() {
        clock.moveTo(LocalDateTime.of(2026, 4, 1, 10, 0).atZone(clock.getZone()).toInstant());
    }

    @Test
    void aKnownPersonGetsTheReminderBySmsAndEmailAndAnUnconfiguredChannelIsSkippedVisibly() {
        inTheDaytime();
        String phone = newPhone();
        UUID person = knownPerson(phone, "wang@example.org");
        overdue(person);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("SENT")).body("items[0].attempts", equalTo(1)));
        Map<String, String> sms = LocalSmsGateway.instance().sentTo(phone).get(0);
        assertThat(sms).containsEntry("X-acs-action", "SendSms").containsEntry("SignName", "市委改革办")
                .containsEntry("TemplateCode", "SMS_0001");
        assertThat(sms.get("Authorization")).as("signed by the SDK with the access key")
                .startsWith("ACS3-HMAC-SHA256 Credential=test-key,");
        assertThat(sms.get("TemplateParam")).contains("KM-2015-0123");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "EMAIL")
                .body("items[0].state", equalTo("SENT")));
        assertThat(mailbox.getMailsSentTo("wang@example.org")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("任务逾期提醒：KM-2015-0123"));
        delivery(person, "WECOM").body("items[0].state", equalTo("SKIPPED"))
                .body("items[0].reason", equalTo("the directory has no wecom address for the recipient"));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.notification.delivered.v1".equals(r.type()) && r.data().contains(person.toString())
                        && r.data().contains("\"SMS\"")).size() == 1);
    }

    @Test
    void aGatewayThatFailsTwiceIsRetriedWithBackoffAndTheMessageGoesOutOnce() {
        inTheDaytime();
        String phone = newPhone();
        LocalSmsGateway.instance().failFor(phone, 2);
        UUID person = knownPerson(phone, null);
        overdue(person);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("SENT")).body("items[0].attempts", equalTo(3)));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).hasSize(3);
        delivery(person, "EMAIL").body("items[0].state", equalTo("SKIPPED"))
                .body("items[0].reason", containsString("no email address"));
    }

    @Test
    void aGatewayThatKeepsFailingEndsFailedWithTheReasonAndReminderFailed() {
        inTheDaytime();
        String phone = newPhone();
        LocalSmsGateway.instance().failFor(phone, -1);
        UUID person = knownPerson(phone, null);
        overdue(person);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("FAILED")).body("items[0].attempts", equalTo(3))
                .body("items[0].reason", startsWith("SMS service answered HTTP 500 isp.SYSTEM_ERROR")));
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.notification.failed.v1".equals(r.type()) && r.data().contains(person.toString())).size() == 1);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("channel", "INBOX").get("/api/v1/notifications").then()
                .body("items[0].state", equalTo("DELIVERED"));
    }

    @Test
    void anSmsDueAtThreeInTheMorningWaitsForEightWhileTheInboxHasItAtOnce() {
        String phone = newPhone();
        UUID person = knownPerson(phone, null);
        clock.moveTo(LocalDateTime.of(2026, 4, 1, 3, 0).atZone(clock.getZone()).toInstant());
        overdue(person);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("PENDING")).body("items[0].reason", equalTo("held for the quiet hours")));
        delivery(person, "INBOX").body("items[0].state", equalTo("DELIVERED"));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).isEmpty();

        clock.moveTo(LocalDateTime.of(2026, 4, 1, 8, 1).atZone(clock.getZone()).toInstant());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("SENT")));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).hasSize(1);
    }

    @Test
    void aReminderForSomeoneTheDirectoryDoesNotKnowYetWaitsAndGoesOutWhenItCatchesUp() {
        inTheDaytime();
        String phone = newPhone();
        UUID person = UUID.randomUUID();
        overdue(person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("PENDING"))
                .body("items[0].reason", equalTo("waiting for the directory to know the recipient")));

        sender.send(PersonChanged.of(person, "新任责任人", UUID.randomUUID(), "HEAD", phone, null, "en"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("SENT")));
        assertThat(LocalSmsGateway.instance().sentTo(phone)).hasSize(1);
    }

    @Test
    void nothingIsSentToSomeoneWhoLeftBeforeTheDirectoryKnewThem() {
        inTheDaytime();
        UUID person = UUID.randomUUID();
        overdue(person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].reason", equalTo("waiting for the directory to know the recipient")));

        sender.send(PersonRemoved.of(person, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delivery(person, "SMS")
                .body("items[0].state", equalTo("SKIPPED"))
                .body("items[0].reason", equalTo("the recipient left the directory")));
    }
}
