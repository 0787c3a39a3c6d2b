package org.reformdesk.assessment.live;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AccountabilityRecorded;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.ProgressReported;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskStatusChanged;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ScoredEventsTest {

    private static Fixtures fixtures;

    @BeforeAll
    static void connect() {
        fixtures = new Fixtures();
    }

    @AfterAll
    static void disconnect() {
        fixtures.close();
    }

    @Test
    void aMonthlyReportFlaggedOverdueAndThenFiledLateCostsOneDeduction() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市人社局");
        UUID task = UUID.randomUUID();
        fixtures.send(ReportOverdue.of(task, "KM-2016-0101", "深化职称制度改革", unit, UUID.randomUUID(), "2016-03",
                LocalDate.of(2016, 3, 25), null));
        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(99.0f)));

        fixtures.send(ProgressReported.of(task, unit, "2016-03", 40, true));
        fixtures.send(ProgressReported.of(task, unit, "2016-04", 50, false));
        fixtures.send(ProgressReported.of(task, unit, "2016-05", 60, true));

        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(98.0f)).body("points", hasSize(2)));
        // the report for March was not counted twice, however it arrived
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                Fixtures.card(unit, null).body("score", equalTo(98.0f)));
    }

    @Test
    void theOnTimeCloseRateCountsTheShareOfTheMonthsClosesThatWereLate() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市住建局");
        fixtures.send(TaskClosed.of(UUID.randomUUID(), "KM-2016-0201", "住房公积金制度改革", unit,
                LocalDate.of(2016, 6, 30), LocalDate.of(2016, 6, 20)));
        fixtures.send(TaskClosed.of(UUID.randomUUID(), "KM-2016-0202", "物业管理体制改革", unit,
                LocalDate.of(2016, 6, 30), LocalDate.of(2016, 7, 20)));

        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(95.0f))
                .body("points.reason", hasItem(org.hamcrest.Matchers.startsWith("逾期销号")))
                .body("points.reason", hasItem(org.hamcrest.Matchers.startsWith("按时销号"))));
    }

    @Test
    void escalationsLateRectificationsAndAccountabilityCostTheirPoints() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市商务局");
        UUID task = UUID.randomUUID();
        fixtures.send(OrderEscalated.of(UUID.randomUUID(), UUID.randomUUID(), Rung.URGING_NOTICE, "TASK", task,
                "KM-2016-0301 商事制度改革", unit, LocalDate.of(2016, 7, 8), LocalDate.of(2016, 7, 13), null));
        fixtures.send(RectificationOverdue.of(UUID.randomUUID(), UUID.randomUUID(), unit, "审批时限超出承诺",
                LocalDate.of(2016, 8, 1), UUID.randomUUID()));
        fixtures.send(AccountabilityRecorded.of(UUID.randomUUID(), unit, null, "TASK", task, "约谈",
                "责令书逾期未整改"));

        // 100 - 2 (催办单) - 2 (整改逾期) - 5 (问责)
        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(91.0f))
                .body("points.indicator", hasItem("SUPERVISION_ORDERS"))
                .body("points.indicator", hasItem("LATE_RECTIFICATIONS"))
                .body("points.indicator", hasItem("ACCOUNTABILITY")));
    }

    @Test
    void aTaskSuspendedForAHigherLevelDeploymentCostsNothing() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市农业农村局");
        UUID task = UUID.randomUUID();
        fixtures.send(TaskOverdue.of(task, "ZB-2016-0127", "农村集体经营性建设用地入市", unit, UUID.randomUUID(),
                LocalDate.of(2016, 6, 30)));
        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(98.0f)));

        fixtures.send(TaskStatusChanged.of(task, "ZB-2016-0127", "农村集体经营性建设用地入市", unit, "IN_PROGRESS",
                "SUSPENDED", "国家试点未启动", "office"));

        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(100.0f))
                .body("points[0].exempted", equalTo(true))
                .body("points[0].exemptionReason", equalTo("任务暂缓，待上级部署统一启动：国家试点未启动")));
    }
}
