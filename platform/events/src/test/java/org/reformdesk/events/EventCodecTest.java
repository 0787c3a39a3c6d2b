package org.reformdesk.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = EventCodec.instance();

    static List<ReformEvent> oneOfEachType() {
        UUID unit = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        return List.of(
                UnitChanged.of(unit, "KM-FGW", "市发展改革委", AssessmentCategory.A, UnitKind.DEPARTMENT),
                TaskCreated.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(),
                        LocalDate.of(2015, 12, 31)),
                TaskOverdue.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(),
                        LocalDate.of(2015, 12, 31)),
                PilotRegistered.of(UUID.randomUUID(), "农村集体产权制度改革试点", "NATIONAL", unit),
                OrderIssued.of(UUID.randomUUID(), Rung.REMINDER_NOTICE, "TASK", task, "深化行政审批制度改革", unit,
                        LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 6), "任务逾期未完成"),
                RankingUpdated.of(unit, AssessmentCategory.A, new BigDecimal("98.50"), 3, 1, 14, "2016-01"),
                MonthPublished.of("2016-01", AssessmentCategory.C, List.of(
                        new MonthPublished.Entry(unit, new BigDecimal("96.00"), 1)), List.of(unit)),
                ReminderDelivered.of(UUID.randomUUID(), UUID.randomUUID(), "TASK_OVERDUE", task, "INBOX",
                        Instant.parse("2016-01-01T01:00:00Z")),
                PersonChanged.of(UUID.randomUUID(), "张伟", unit, "HEAD", "13800000000", "zhangwei@km.gov.cn", "zh-CN",
                        "zhangwei"),
                TaskDueSoon.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(),
                        LocalDate.of(2015, 12, 31), 3, null, UUID.randomUUID()),
                TaskClosed.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, LocalDate.of(2015, 12, 31),
                        LocalDate.of(2016, 1, 8), List.of("经济", "民主法治")),
                ReportOverdue.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(), "2015-11",
                        LocalDate.of(2015, 11, 25), null),
                PilotSummaryOverdue.of(UUID.randomUUID(), "农村集体产权制度改革试点", unit, null, "QUARTERLY_ANALYSIS",
                        "2016-Q1", LocalDate.of(2016, 4, 10)),
                OrderEscalated.of(UUID.randomUUID(), UUID.randomUUID(), Rung.ASSIGNMENT_NOTICE, "TASK", task,
                        "深化行政审批制度改革", unit, LocalDate.of(2016, 1, 7), LocalDate.of(2016, 1, 12), UUID.randomUUID()),
                OrderClosed.of(UUID.randomUUID(), Rung.ASSIGNMENT_NOTICE, task, unit, "任务已销号"),
                PilotStatusChanged.of(UUID.randomUUID(), "农村集体产权制度改革试点", unit, null, "IN_PROGRESS",
                        "ACCEPTANCE", null),
                ExperiencePromoted.of(UUID.randomUUID(), UUID.randomUUID(), unit, "REPLICABLE_EXPERIENCE",
                        "“一窗受理、集成服务”经验", "PROVINCE", LocalDate.of(2018, 6, 1)),
                GroupChanged.of(UUID.randomUUID(), "城乡一体化专项小组", UUID.randomUUID(), unit, List.of(unit)),
                PersonRemoved.of(UUID.randomUUID(), unit),
                TaskStatusChanged.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, "CLOSE_REQUESTED",
                        "IN_PROGRESS", "佐证材料不全", "reform-office"),
                TaskDeadlineChanged.of(task, "KM-2015-0123", unit, LocalDate.of(2015, 12, 31),
                        LocalDate.of(2016, 3, 31), "经市领导同意调整完成时限"),
                MilestoneOverdue.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(),
                        "出台实施方案", LocalDate.of(2015, 9, 30), null),
                ProgressReported.of(task, unit, "2015-11", 60, false),
                RectificationOverdue.of(UUID.randomUUID(), UUID.randomUUID(), unit, "审批事项清单未按时公布",
                        LocalDate.of(2016, 2, 29), null),
                AccountabilityRecorded.of(UUID.randomUUID(), unit, null, "TASK", task, "约谈",
                        "责令书逾期未整改"),
                ReminderFailed.of(UUID.randomUUID(), UUID.randomUUID(), "TASK_OVERDUE", task, "SMS",
                        "运营商拒绝：号码无效"),
                ReportDueSoon.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(), "2015-11",
                        LocalDate.of(2015, 11, 25), 3, null),
                ExtensionRequested.of(UUID.randomUUID(), task, "KM-2015-0123", "深化行政审批制度改革", unit, null,
                        UUID.randomUUID(), LocalDate.of(2015, 12, 31), LocalDate.of(2016, 3, 31),
                        "需待省级配套文件出台后实施", "wuhua", UUID.randomUUID()),
                ExtensionDecided.of(UUID.randomUUID(), task, "KM-2015-0123", "深化行政审批制度改革", unit,
                        UUID.randomUUID(), null, LocalDate.of(2015, 12, 31), LocalDate.of(2016, 3, 31),
                        ExtensionDecided.APPROVED, LocalDate.of(2016, 2, 29), "同意延期至2月底", "office"),
                TaskReassigned.of(task, "KM-2015-0123", "深化行政审批制度改革", unit, UUID.randomUUID(), null,
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2015, 12, 31),
                        "机构改革后职能划转", true, "office"),
                PilotSummaryDueSoon.of(UUID.randomUUID(), "农村集体产权制度改革试点", unit, null, "MONTHLY_SUMMARY",
                        "2016-03", LocalDate.of(2016, 4, 5), 1),
                RectificationDueSoon.of(UUID.randomUUID(), UUID.randomUUID(), unit, "审批事项清单未按时公布",
                        LocalDate.of(2016, 2, 29), 7, UUID.randomUUID()));
    }

    @Test
    void everyTypeHasASample() {
        assertThat(oneOfEachType()).extracting(ReformEvent::type).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void everyEventSurvivesTheRoundTripAndMatchesItsSchema(ReformEvent event) {
        assertThat(codec.violations(event)).isEmpty();

        String data = codec.encode(event);

        assertThat(codec.decode(event.type().typeName(), data)).contains(event);
    }

    @Test
    void topicsAndTypesFollowTheNamingScheme() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::typeName))
                .allMatch(EventType::isWellFormed);
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic))
                .allMatch(topic -> topic.matches("reform\\.[a-z]+\\.v1"));
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String data = codec.encode(oneOfEachType().get(2)).replaceFirst("\\{", "{\"escalationHint\":\"soon\",");

        assertThat(codec.decode("reform.task.overdue.v1", data)).isPresent();
    }

    @Test
    void aPersonChangedFromBeforeLoginsWereRecordedReadsWithoutOne() {
        PersonChanged before = PersonChanged.of(UUID.randomUUID(), "张伟", UUID.randomUUID(), "LIAISON", null, null,
                "zh-CN");
        String data = codec.encode(before).replace(",\"username\":null", "");

        assertThat(data).doesNotContain("username");
        assertThat(codec.decode("reform.directory.person-changed.v1", data)).contains(before);
    }

    @Test
    void aTaskEventFromBeforePolicyAreasWereSentReadsWithoutThem() {
        TaskOverdue before = TaskOverdue.of(UUID.randomUUID(), "KM-2015-0123", "深化行政审批制度改革",
                UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2015, 12, 31));
        String data = codec.encode(before).replace(",\"policyAreas\":null", "");

        assertThat(data).doesNotContain("policyAreas");
        assertThat(codec.decode("reform.task.overdue.v1", data)).contains(before);
    }

    @Test
    void aWellFormedTypeThisBuildDoesNotKnowIsIgnored() {
        assertThat(codec.decode("reform.task.split.v2", "{}")).isEmpty();
    }

    @Test
    void aMalformedTypeIsUnreadable() {
        assertThatThrownBy(() -> codec.decode("not-a-type", "{}"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("not-a-type");
    }

    @Test
    void brokenJsonIsUnreadable() {
        assertThatThrownBy(() -> codec.decode("reform.task.overdue.v1", "{\"taskId\": "))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("not JSON");
    }

    @Test
    void dataThatFailsItsSchemaIsUnreadableAndNamesTheField() {
        String data = codec.encode(oneOfEachType().get(2)).replaceFirst("\"deadline\":\"[^\"]+\"",
                "\"deadline\":\"next week\"");

        assertThatThrownBy(() -> codec.decode("reform.task.overdue.v1", data))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("deadline");
    }
}
