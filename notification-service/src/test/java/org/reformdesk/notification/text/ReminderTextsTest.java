package org.reformdesk.notification.text;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.notification.rules.ReminderKind;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ReminderTextsTest {

    @Inject
    ReminderTexts texts;

    private static Map<String, String> facts() {
        Map<String, String> facts = new HashMap<>();
        facts.put("code", "KM-2015-0123");
        facts.put("title", "深化行政审批制度改革");
        facts.put("dueOn", "2026-06-30");
        facts.put("deadline", "2026-06-30");
        facts.put("daysLeft", "3");
        facts.put("milestone", "");
        facts.put("period", "2026-05");
        facts.put("rung", "URGING_NOTICE");
        facts.put("subjectTitle", "深化行政审批制度改革");
        facts.put("issuedOn", "2026-06-01");
        facts.put("replyBy", "2026-06-08");
        facts.put("reason", "");
        facts.put("name", "农村集体产权制度改革试点");
        facts.put("summaryKind", "QUARTERLY_ANALYSIS");
        facts.put("description", "台账更新不及时");
        facts.put("month", "2026-05");
        facts.put("category", "A");
        facts.put("rank", "2");
        facts.put("score", "97.5");
        facts.put("units", "12");
        facts.put("requestedDeadline", "2026-09-30");
        facts.put("previousDeadline", "2026-06-30");
        facts.put("requestedBy", "wuhua");
        facts.put("decision", "APPROVED");
        facts.put("comment", "同意延期");
        facts.put("personChanged", "true");
        facts.put("diagnosis", "false");
        return facts;
    }

    @Test
    void everyKindHasItsWordsInBothLanguages() {
        for (ReminderKind kind : ReminderKind.values()) {
            for (Language language : Language.values()) {
                ReminderTexts.Text text = texts.write(kind, language, facts());
                assertThat(text.title()).as("%s %s", kind, language.tag()).isNotBlank().doesNotContain("{", "\n");
                assertThat(text.body()).as("%s %s", kind, language.tag()).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void theDailyDigestNamesEachReminderItGathers() {
        ReminderTexts.Text zh = texts.digest(Language.ZH_CN, java.util.List.of("提示卡片：KM-1 还有3天到期",
                "进展报送逾期：KM-2"));
        assertThat(zh.title()).isEqualTo("改革任务提醒汇总：您有2条新提醒");
        assertThat(zh.body()).startsWith("1. 提示卡片：KM-1 还有3天到期\n2. 进展报送逾期：KM-2\n").doesNotContain("{");
        assertThat(texts.digest(Language.EN, java.util.List.of("a", "b", "c")).title()).isEqualTo("Reform reminders: 3 new");
    }

    @Test
    void theLadderAndTheFourOnesAreNamedAsTheOfficesNameThem() {
        Map<String, String> facts = facts();
        assertThat(texts.write(ReminderKind.ORDER_ISSUED, Language.ZH_CN, facts).body())
                .isEqualTo("改革办就【深化行政审批制度改革】向贵单位下达《催办单》，请于2026-06-08前反馈落实情况。");
        assertThat(texts.write(ReminderKind.PILOT_SUMMARY_OVERDUE, Language.ZH_CN, facts).body())
                .contains("“每季一分析”");
        assertThat(texts.write(ReminderKind.ORDER_ISSUED, Language.EN, facts).title())
                .isEqualTo("Supervision: urging notice");
    }

    @Test
    void aMilestoneCardNamesTheMilestoneAndARepeatCountsItsRound() {
        Map<String, String> facts = facts();
        facts.put("milestone", "方案出台");
        assertThat(texts.write(ReminderKind.TASK_DUE_SOON, Language.ZH_CN, facts).title())
                .isEqualTo("提示卡片：KM-2015-0123 方案出台还有3天到期");
        facts.put("round", "2");
        assertThat(texts.write(ReminderKind.TASK_OVERDUE, Language.ZH_CN, facts).title())
                .isEqualTo("任务逾期提醒：KM-2015-0123（第2次提醒）");
    }

    @Test
    void anExtensionsDecisionSaysWhereTheDeadlineNowIsAndAReassignmentWhoTakesOver() {
        Map<String, String> facts = facts();
        assertThat(texts.write(ReminderKind.EXTENSION_DECIDED, Language.ZH_CN, facts).body())
                .isEqualTo("改革任务【KM-2015-0123 深化行政审批制度改革】的延期申请已批准，完成时限由2026-06-30调整为2026-06-30。"
                        + "改革办意见：同意延期");
        facts.put("decision", "REJECTED");
        assertThat(texts.write(ReminderKind.EXTENSION_DECIDED, Language.ZH_CN, facts).title())
                .isEqualTo("延期申请未获批准：KM-2015-0123");
        assertThat(texts.write(ReminderKind.EXTENSION_DECIDED, Language.EN, facts).body())
                .startsWith("The request to move the deadline of the reform task [KM-2015-0123 深化行政审批制度改革] to "
                        + "2026-09-30 was refused");
        facts.put("personChanged", "false");
        assertThat(texts.write(ReminderKind.TASK_REASSIGNED, Language.ZH_CN, facts).body())
                .startsWith("改革任务【KM-2015-0123 深化行政审批制度改革】已调整由您所在单位牵头，完成时限");
        facts.put("round", "2");
        assertThat(texts.write(ReminderKind.EXTENSION_REQUESTED, Language.ZH_CN, facts).title())
                .isEqualTo("延期申请待审批：KM-2015-0123（第2次提醒）");
    }

    @Test
    void theLowestRankedUnitIsToldOfTheDiagnosisVisit() {
        Map<String, String> facts = facts();
        facts.put("diagnosis", "true");
        assertThat(texts.write(ReminderKind.MONTH_PUBLISHED, Language.ZH_CN, facts).body()).contains("会诊");
        assertThat(texts.write(ReminderKind.MONTH_PUBLISHED, Language.ZH_CN, facts()).body()).doesNotContain("会诊");
    }

    @Test
    void anyEnglishTagReadsEnglishAndEverythingElseChinese() {
        assertThat(Language.forTag("en-GB")).isEqualTo(Language.EN);
        assertThat(Language.forTag("zh-CN")).isEqualTo(Language.ZH_CN);
        assertThat(Language.forTag(null)).isEqualTo(Language.ZH_CN);
        assertThat(Language.forTag("fr")).isEqualTo(Language.ZH_CN);
    }
}
