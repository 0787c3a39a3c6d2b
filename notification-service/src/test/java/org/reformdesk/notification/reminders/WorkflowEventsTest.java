package org.reformdesk.notification.reminders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.ExtensionRequested;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.PilotSummaryDueSoon;
import org.reformdesk.events.RectificationDueSoon;
import org.reformdesk.events.ReportDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.notification.directory.Directory;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.ConsumerLag;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestKafka;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The day-one workflows' events: extension requests reach the reform office until decided and the decision reaches
 * whoever asked, a reassigned task's repeats follow it to the new person, reminders before things fall due, and a
 * login finds its person's inbox. Every event is also redelivered, which changes nothing.
 */
@QuarkusTest
class WorkflowEventsTest {

    private static EventSender sender;

    @Inject
    Repeats repeats;

    @Inject
    ServiceClock clock;

    @Inject
    Directory directory;

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
    void anExtensionRequestRemindsTheOfficeUntilDecidedAndTheRequesterHearsTheDecision() {
        UUID office = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        UUID requester = UUID.randomUUID();
        sender.send(UnitChanged.of(office, "KM-GGB-" + office.toString().substring(0, 4), "市委改革办",
                AssessmentCategory.B, UnitKind.REFORM_OFFICE));
        sender.send(PersonChanged.of(clerk, "改革办综合处", office, "LIAISON", null, null, "zh-CN"));
        awaitKnown(clerk);
        UUID task = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        ExtensionRequested requested = ExtensionRequested.of(request, task, "KM-2026-0007", "健全生态保护补偿机制",
                UUID.randomUUID(), null, UUID.randomUUID(), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30),
                "需待省级配套文件出台", "wuhua", requester);
        UUID eventId = UUID.randomUUID();

        sender.send(eventId, requested);
        sender.send(eventId, requested);
        sender.send(requested);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inbox(clerk, "EXTENSION_REQUESTED")
                .body("total", equalTo(1)).body("items[0].body", containsString("延至2026-09-30")));

        clock.moveTo(clock.instant().plus(Duration.ofDays(2).plusMinutes(1)));
        repeats.sweep();
        inbox(clerk, "EXTENSION_REQUESTED").body("total", equalTo(2))
                .body("items[0].title", equalTo("延期申请待审批：KM-2026-0007（第2次提醒）"));

        ExtensionDecided decided = ExtensionDecided.of(request, task, "KM-2026-0007", "健全生态保护补偿机制",
                requested.leadUnitId(), requested.responsiblePersonId(), requester, LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 9, 30), ExtensionDecided.APPROVED, LocalDate.of(2026, 8, 31), "同意延期至8月底",
                "office");
        UUID decisionId = UUID.randomUUID();
        sender.send(decisionId, decided);
        sender.send(decisionId, decided);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inbox(requester, "EXTENSION_DECIDED")
                .body("total", equalTo(1)).body("items[0].title", equalTo("延期申请已批准：KM-2026-0007"))
                .body("items[0].body", containsString("调整为2026-08-31")));
        awaitCaughtUp();

        clock.moveTo(clock.instant().plus(Duration.ofDays(5)));
        repeats.sweep();
        inbox(clerk, "EXTENSION_REQUESTED").body("total", equalTo(2));
        inbox(requester, "EXTENSION_DECIDED").body("total", equalTo(1));
    }

    @Test
    void aReassignedTasksRepeatsGoToTheNewPersonWhoIsToldOfTheHandover() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID oldUnit = UUID.randomUUID();
        UUID newUnit = UUID.randomUUID();
        sender.send(TaskOverdue.of(task, "KM-2026-0011", "推进“放管服”改革", oldUnit, before, LocalDate.of(2026, 3, 31)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inbox(before, "TASK_OVERDUE")
                .body("total", equalTo(1)));

        TaskReassigned reassigned = TaskReassigned.of(task, "KM-2026-0011", "推进“放管服”改革", oldUnit, newUnit, null,
                null, before, after, LocalDate.of(2026, 3, 31), "机构改革后职能划转", false, "office");
        UUID eventId = UUID.randomUUID();
        sender.send(eventId, reassigned);
        sender.send(eventId, reassigned);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> inbox(after, "TASK_REASSIGNED")
                .body("total", equalTo(1)).body("items[0].body", containsString("由您担任责任人")));

        clock.moveTo(clock.instant().plus(Duration.ofDays(3).plusMinutes(1)));
        repeats.sweep();

        inbox(after, "TASK_OVERDUE").body("total", equalTo(1)).body("items[0].occasion", equalTo("2026-03-31#2"));
        inbox(before, "TASK_OVERDUE").body("total", equalTo(1));
        awaitCaughtUp();
        inbox(after, "TASK_REASSIGNED").body("total", equalTo(1));
    }

    @Test
    void remindersBeforeAReportASummaryAndARectificationFallDueComeOncePerOffset() {
        UUID person = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        sender.send(PersonChanged.of(head, "许明", unit, "HEAD", null, null, "zh-CN"));
        awaitKnown(head);
        UUID task = UUID.randomUUID();
        ReportDueSoon report = ReportDueSoon.of(task, "KM-2026-0003", "完善统计数据质量管理", unit, person, "2026-06",
                LocalDate.of(2026, 6, 25), 3, null);
        RectificationDueSoon rectification = RectificationDueSoon.of(UUID.randomUUID(), UUID.randomUUID(), unit,
                "台账更新不及时", LocalDate.of(2026, 6, 30), 7, person);
        PilotSummaryDueSoon summary = PilotSummaryDueSoon.of(UUID.randomUUID(), "营商环境创新试点", unit, null,
                "MONTHLY_SUMMARY", "2026-05", LocalDate.of(2026, 6, 5), 1);

        for (var event : List.of(report, rectification, summary)) {
            UUID id = UUID.randomUUID();
            sender.send(id, event);
            sender.send(id, event);
        }
        sender.send(ReportDueSoon.of(task, "KM-2026-0003", "完善统计数据质量管理", unit, person, "2026-06",
                LocalDate.of(2026, 6, 25), 1, null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            inbox(person, "REPORT_DUE_SOON").body("total", equalTo(2));
            inbox(person, "RECTIFICATION_DUE_SOON").body("total", equalTo(1));
            inbox(head, "PILOT_SUMMARY_DUE_SOON").body("total", equalTo(1))
                    .body("items[0].body", containsString("“每月一小结”应于2026-06-05前报送改革办，还有1天"));
        });
        awaitCaughtUp();
        inbox(person, "RECTIFICATION_DUE_SOON").body("total", equalTo(1));
        inbox(head, "PILOT_SUMMARY_DUE_SOON").body("total", equalTo(1));
    }

    @Test
    void aLoginOpensItsPersonsInboxWithoutAPersonClaim() {
        UUID person = UUID.randomUUID();
        String login = "hefang-" + person.toString().substring(0, 8);
        sender.send(PersonChanged.of(person, "何芳", UUID.randomUUID(), "LIAISON", null, null, "zh-CN",
                login.toUpperCase()));
        awaitKnown(person);
        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-2026-0005", "推进户籍制度改革", UUID.randomUUID(), person,
                LocalDate.of(2026, 3, 31)));
        String token = TestTokens.withRoles(login, UUID.randomUUID(), "unit-officer");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/me/notifications").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].recipientId", equalTo(person.toString())));
        // one delivery per configured channel of the overdue rule: the tests configure the inbox and e-mail
        given().auth().oauth2(token).queryParam("recipient", person).get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(TestTokens.withRoles("nobody-" + person, null, "leader"))
                .get("/api/v1/me/notifications").then().statusCode(403).contentType("application/problem+json");
    }

    private void awaitKnown(UUID person) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                directory.contact(person).isPresent()));
    }

    private static void awaitCaughtUp() {
        ConsumerLag.awaitCaughtUp(TestKafka.bootstrapServers(), Duration.ofSeconds(30), "notification-service");
    }

    private static ValidatableResponse inbox(UUID person, String kind) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("kind", kind).queryParam("channel", "INBOX")
                .get("/api/v1/notifications").then().statusCode(200);
    }
}
