package org.reformdesk.notification.directory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.GroupChanged;
import org.reformdesk.events.MonthPublished;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.PersonRemoved;
import org.reformdesk.events.RankingUpdated;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.testing.ConsumerLag;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestKafka;
import org.reformdesk.testing.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DirectoryTest {

    private static EventSender sender;

    @BeforeAll
    static void connect() {
        sender = EventSender.onTestBroker();
    }

    @AfterAll
    static void disconnect() {
        sender.close();
    }

    @Inject
    Directory directory;

    @Inject
    EntityManager entityManager;

    private void awaitKnown(UUID... people) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Arrays.stream(people).allMatch(person -> directory.contact(person).isPresent())));
    }

    private static void awaitCaughtUp() {
        ConsumerLag.awaitCaughtUp(TestKafka.bootstrapServers(), Duration.ofSeconds(30), "notification-service");
    }

    private static int inboxReminders(UUID person, String kind) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", person)
                .queryParam("kind", kind).queryParam("channel", "INBOX")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("total");
    }

    @Test
    void theUnitsHeadAndLiaisonGetCopiesOfAnOverdueTaskInTheirOwnLanguage() {
        UUID unit = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID liaison = UUID.randomUUID();
        sender.send(UnitChanged.of(unit, "KM-FGW", "市发展改革委", AssessmentCategory.A, UnitKind.DEPARTMENT));
        sender.send(PersonChanged.of(head, "王主任", unit, "HEAD", "13800000001", "wang@example.org", "en"));
        sender.send(PersonChanged.of(liaison, "李联络", unit, "LIAISON", "13800000002", null, "zh-CN"));
        awaitKnown(head, liaison);

        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(),
                LocalDate.of(2015, 12, 31)));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(liaison, "TASK_OVERDUE") == 1);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", head).queryParam("channel", "INBOX")
                .get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].language", equalTo("en"))
                .body("items[0].title", equalTo("Overdue task: KM-2015-0123"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", liaison)
                .queryParam("channel", "INBOX").get("/api/v1/notifications").then()
                .body("items[0].title", equalTo("任务逾期提醒：KM-2015-0123"))
                .body("items[0].body", startsWith("您负责的改革任务【KM-2015-0123 深化行政审批制度改革】已超过完成时限（2015-12-31）"));
    }

    @Test
    void someoneWhoLeftTheDirectoryGetsNoMoreCopies() {
        UUID unit = UUID.randomUUID();
        UUID liaison = UUID.randomUUID();
        sender.send(PersonChanged.of(liaison, "赵联络", unit, "LIAISON", null, null, "zh-CN"));
        awaitKnown(liaison);
        sender.send(PersonRemoved.of(liaison, unit));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                directory.contact(liaison).isEmpty()));
        UUID person = UUID.randomUUID();

        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-2", "任务", unit, person, LocalDate.of(2026, 3, 31)));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(person, "TASK_OVERDUE") == 1);
        awaitCaughtUp();
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", liaison)
                .get("/api/v1/notifications").then().body("total", equalTo(0));
    }

    @Test
    void theNextReminderFollowsAChangeInTheDirectory() {
        UUID unit = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID liaison = UUID.randomUUID();
        UUID responsible = UUID.randomUUID();
        sender.send(PersonChanged.of(head, "孙主任", unit, "HEAD", null, null, "en"));
        sender.send(PersonChanged.of(liaison, "钱联络", unit, "LIAISON", null, null, "zh-CN"));
        awaitKnown(head, liaison);
        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-3", "任务", unit, responsible, LocalDate.of(2026, 3, 31)));
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(head, "TASK_OVERDUE") == 1
                && inboxReminders(liaison, "TASK_OVERDUE") == 1);

        // the answers the first reminder read (the unit's liaison, the head's language) are out of date now
        sender.send(PersonChanged.of(head, "孙主任", unit, "HEAD", null, null, "zh-CN"));
        sender.send(PersonRemoved.of(liaison, unit));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                directory.contact(liaison).isEmpty() && directory.languageOf(head).equals("zh-CN")));
        sender.send(TaskOverdue.of(UUID.randomUUID(), "KM-4", "任务", unit, responsible, LocalDate.of(2026, 3, 31)));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(head, "TASK_OVERDUE") == 2);
        awaitCaughtUp();
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", head).queryParam("channel", "INBOX")
                .get("/api/v1/notifications").then()
                .body("items[0].title", equalTo("任务逾期提醒：KM-4"))
                .body("items[1].title", equalTo("Overdue task: KM-3"));
        assertThat(inboxReminders(liaison, "TASK_OVERDUE")).isEqualTo(1);
    }

    @Test
    void anEscalatedOrderCopiesTheResponsibleLeaderAndTheSpecialGroupsLiaison() {
        UUID unit = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID groupOffice = UUID.randomUUID();
        UUID groupLiaison = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        sender.send(PersonChanged.of(head, "张局长", unit, "HEAD", null, null, "zh-CN"));
        sender.send(PersonChanged.of(groupLiaison, "陈联络", groupOffice, "LIAISON", null, null, "zh-CN"));
        sender.send(GroupChanged.of(UUID.randomUUID(), "经济体制改革专项小组", leader, groupOffice, List.of(unit)));
        awaitKnown(head, groupLiaison);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                directory.groupLiaisonsOf(unit).contains(groupLiaison)));

        sender.send(OrderEscalated.of(UUID.randomUUID(), UUID.randomUUID(), Rung.ASSIGNMENT_NOTICE, "TASK",
                UUID.randomUUID(), "深化行政审批制度改革", unit, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(head, "ORDER_ESCALATED") == 1
                && inboxReminders(leader, "ORDER_ESCALATED") == 1 && inboxReminders(groupLiaison, "ORDER_ESCALATED") == 1);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", leader)
                .queryParam("channel", "INBOX").get("/api/v1/notifications").then()
                .body("items[0].title", equalTo("督办升级提醒：《交办单》"));
    }

    @Test
    void theMonthsBulletinAndANewOrderReachTheUnitsHeadAndLiaison() {
        UUID unit = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID liaison = UUID.randomUUID();
        sender.send(PersonChanged.of(head, "周局长", unit, "HEAD", null, null, "zh-CN"));
        sender.send(PersonChanged.of(liaison, "吴联络", unit, "LIAISON", null, null, "zh-CN"));
        awaitKnown(head, liaison);

        sender.send(MonthPublished.of("2026-03", AssessmentCategory.A,
                List.of(new MonthPublished.Entry(UUID.randomUUID(), new BigDecimal("99.0"), 1),
                        new MonthPublished.Entry(unit, new BigDecimal("97.5"), 2)), List.of(unit)));
        sender.send(OrderIssued.of(UUID.randomUUID(), Rung.REMINDER_NOTICE, "TASK", UUID.randomUUID(),
                "深化行政审批制度改革", unit, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8), "任务逾期"));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(head, "MONTH_PUBLISHED") == 1
                && inboxReminders(liaison, "MONTH_PUBLISHED") == 1 && inboxReminders(head, "ORDER_ISSUED") == 1
                && inboxReminders(liaison, "ORDER_ISSUED") == 1);
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", head).queryParam("channel", "INBOX")
                .queryParam("kind", "MONTH_PUBLISHED").get("/api/v1/notifications").then()
                .body("items[0].title", equalTo("2026-03改革工作排名通报"))
                .body("items[0].body", containsString("排名第2名（共2个单位）"))
                .body("items[0].body", containsString("会诊"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("recipient", liaison)
                .queryParam("channel", "INBOX").queryParam("kind", "ORDER_ISSUED").get("/api/v1/notifications")
                .then().body("items[0].body", equalTo(
                        "改革办就【深化行政审批制度改革】向贵单位下达《提示单》（任务逾期），请于2026-04-08前反馈落实情况。"));
    }

    @Test
    void aLiveRankChangeIsPassedOverUnreadWhileTheMonthsBulletinIsHandled() {
        UUID unit = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        sender.send(PersonChanged.of(head, "郑局长", unit, "HEAD", null, null, "zh-CN"));
        awaitKnown(head);

        UUID rankChange = UUID.randomUUID();
        UUID bulletin = UUID.randomUUID();
        sender.send(rankChange, RankingUpdated.of(unit, AssessmentCategory.B, new BigDecimal("98.0"), 3, 1, 20,
                "2026-03"));
        sender.send(bulletin, MonthPublished.of("2026-03", AssessmentCategory.B,
                List.of(new MonthPublished.Entry(unit, new BigDecimal("98.0"), 3)), List.of(unit)));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxReminders(head, "MONTH_PUBLISHED") == 1);
        awaitCaughtUp();
        assertThat(processedByBulletins(bulletin)).isEqualTo(1);
        assertThat(processedByBulletins(rankChange)).as("a rank change is acknowledged without a claim").isZero();
    }

    private int processedByBulletins(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'notification.bulletins' AND event_id = :id")
                .setParameter("id", event).getSingleResult()).intValue());
    }
}
