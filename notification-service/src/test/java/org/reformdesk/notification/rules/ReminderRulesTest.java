package org.reformdesk.notification.rules;

import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.ExtensionRequested;
import org.reformdesk.events.MonthPublished;
import org.reformdesk.events.OrderClosed;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.PilotSummaryDueSoon;
import org.reformdesk.events.RectificationDueSoon;
import org.reformdesk.events.ReportDueSoon;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskDeadlineChanged;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskReassigned;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderRulesTest {

    private final UUID unit = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();
    private final UUID head = UUID.randomUUID();
    private final UUID liaison = UUID.randomUUID();
    private final UUID groupHead = UUID.randomUUID();
    private final UUID groupLiaison = UUID.randomUUID();
    private final UUID office = UUID.randomUUID();

    /** A small directory: one unit with a head and a liaison, in one special group. */
    private final Responsibilities chain = new Responsibilities() {
        @Override
        public List<UUID> holdersOf(UUID unitId, String post) {
            if (!unit.equals(unitId)) {
                return List.of();
            }
            return HEAD.equals(post) ? List.of(head) : LIAISON.equals(post) ? List.of(liaison) : List.of();
        }

        @Override
        public List<UUID> groupHeadsOf(UUID unitId) {
            return unit.equals(unitId) ? List.of(groupHead) : List.of();
        }

        @Override
        public List<UUID> groupLiaisonsOf(UUID unitId) {
            return unit.equals(unitId) ? List.of(groupLiaison) : List.of();
        }

        @Override
        public List<UUID> reformOffice() {
            return List.of(office);
        }
    };

    private static ReminderRules rules(ReminderKind kind, List<Recipient> recipients) {
        Map<ReminderKind, ReminderRule> all = new EnumMap<>(ReminderKind.class);
        for (ReminderKind each : ReminderKind.values()) {
            all.put(each, new ReminderRule(List.of(Recipient.RESPONSIBLE_PERSON), List.of(Channel.INBOX),
                    Optional.empty()));
        }
        all.put(kind, new ReminderRule(recipients, List.of(Channel.INBOX, Channel.SMS), Optional.empty()));
        return new ReminderRules(all);
    }

    private Occasion overdue(UUID responsible, UUID leader) {
        return Occasions.of(TaskOverdue.of(UUID.randomUUID(), "KM-2015-0123", "深化行政审批制度改革", unit,
                responsible, LocalDate.of(2015, 12, 31), leader)).get(0);
    }

    @Test
    void anOverdueTaskRemindsTheResponsiblePersonFirstThenTheUnitsHeadAndLiaison() {
        ReminderRules rules = rules(ReminderKind.TASK_OVERDUE,
                List.of(Recipient.RESPONSIBLE_PERSON, Recipient.UNIT_HEAD, Recipient.UNIT_LIAISON));

        assertThat(rules.recipients(overdue(person, null), chain)).containsExactly(person, head, liaison);
    }

    @Test
    void someoneHoldingTwoPlacesInTheChainIsRemindedOnce() {
        ReminderRules rules = rules(ReminderKind.TASK_OVERDUE,
                List.of(Recipient.RESPONSIBLE_PERSON, Recipient.UNIT_HEAD, Recipient.UNIT_LIAISON));

        assertThat(rules.recipients(overdue(head, null), chain)).containsExactly(head, liaison);
    }

    @Test
    void theResponsibleLeaderIsTheOneTheTaskNamesElseTheHeadOfItsSpecialGroup() {
        ReminderRules rules = rules(ReminderKind.TASK_OVERDUE, List.of(Recipient.RESPONSIBLE_LEADER));
        UUID named = UUID.randomUUID();

        assertThat(rules.recipients(overdue(person, named), chain)).containsExactly(named);
        assertThat(rules.recipients(overdue(person, null), chain)).containsExactly(groupHead);
    }

    @Test
    void anEscalatedOrderReachesTheTargetUnitAndCopiesTheLeaderAndTheGroupLiaison() {
        ReminderRules rules = rules(ReminderKind.ORDER_ESCALATED, List.of(Recipient.UNIT_HEAD,
                Recipient.UNIT_LIAISON, Recipient.RESPONSIBLE_LEADER, Recipient.GROUP_LIAISON));
        UUID leader = UUID.randomUUID();
        Occasion escalated = Occasions.of(OrderEscalated.of(UUID.randomUUID(), UUID.randomUUID(),
                Rung.ASSIGNMENT_NOTICE, "TASK", UUID.randomUUID(), "深化行政审批制度改革", unit,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8), leader)).get(0);

        assertThat(escalated.kind()).isEqualTo(ReminderKind.ORDER_ESCALATED);
        assertThat(escalated.key()).isEqualTo("ASSIGNMENT_NOTICE");
        assertThat(rules.recipients(escalated, chain)).containsExactly(head, liaison, leader, groupLiaison);
    }

    @Test
    void aPersonNotInTheDirectoryIsStillRemindedAsTheResponsiblePerson() {
        ReminderRules rules = rules(ReminderKind.TASK_OVERDUE,
                List.of(Recipient.RESPONSIBLE_PERSON, Recipient.UNIT_HEAD));
        Occasion elsewhere = Occasions.of(TaskOverdue.of(UUID.randomUUID(), "KM-1", "任务", UUID.randomUUID(),
                person, LocalDate.of(2026, 3, 31))).get(0);

        assertThat(rules.recipients(elsewhere, chain)).containsExactly(person);
    }

    @Test
    void theMonthsBulletinIsOneOccasionPerRankedUnitWithItsPlace() {
        UUID other = UUID.randomUUID();
        List<Occasion> bulletin = Occasions.of(MonthPublished.of("2026-03", AssessmentCategory.A,
                List.of(new MonthPublished.Entry(other, new BigDecimal("99.5"), 1),
                        new MonthPublished.Entry(unit, new BigDecimal("97.5"), 2)), List.of(unit)));

        assertThat(bulletin).hasSize(2);
        assertThat(bulletin.get(1).unitId()).isEqualTo(unit);
        assertThat(bulletin.get(1).facts()).containsEntry("rank", "2").containsEntry("score", "97.5")
                .containsEntry("diagnosis", "true").containsEntry("units", "2");
        assertThat(bulletin.get(0).subjectId()).isEqualTo(bulletin.get(1).subjectId());
        assertThat(rules(ReminderKind.MONTH_PUBLISHED, List.of(Recipient.UNIT_HEAD, Recipient.UNIT_LIAISON))
                .recipients(bulletin.get(1), chain)).containsExactly(head, liaison);
    }

    @Test
    void dueSoonCardsForTheTaskAndForAMilestoneAtEachOffsetAreDifferentOccasions() {
        UUID task = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 6, 30);
        String week = Occasions.of(TaskDueSoon.of(task, "KM-1", "任务", unit, person, due, 7, null, null)).get(0).key();
        String day = Occasions.of(TaskDueSoon.of(task, "KM-1", "任务", unit, person, due, 1, null, null)).get(0).key();
        String milestone = Occasions.of(TaskDueSoon.of(task, "KM-1", "任务", unit, person, due, 7, "方案出台", null))
                .get(0).key();

        assertThat(List.of(week, day, milestone)).doesNotHaveDuplicates();
    }

    @Test
    void aRepeatIsANewOccasionThatCountsItsRound() {
        Occasion first = overdue(person, null);
        Occasion second = first.repeat(2);

        assertThat(second.key()).isEqualTo("2015-12-31#2");
        assertThat(second.facts()).containsEntry("round", "2").containsEntry("code", "KM-2015-0123");
    }

    @Test
    void closingATaskOrAnOrderOrSupersedingAnOrderStopsItsRepeats() {
        UUID task = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID superseded = UUID.randomUUID();

        assertThat(Occasions.closedBy(TaskClosed.of(task, "KM-1", "任务", unit, LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 2)))).containsExactly(task);
        assertThat(Occasions.closedBy(OrderClosed.of(order, Rung.REMINDER_NOTICE, task, unit, "ANSWERED")))
                .containsExactly(order);
        assertThat(Occasions.closedBy(OrderEscalated.of(order, superseded, Rung.URGING_NOTICE, "TASK", task, "任务",
                unit, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8), null))).containsExactly(superseded);
    }

    @Test
    void anExtensionRequestRemindsTheOfficeUntilItIsDecidedAndTheDecisionGoesToWhoeverAsked() {
        UUID task = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        UUID requester = UUID.randomUUID();
        UUID responsible = UUID.randomUUID();
        Occasion requested = Occasions.of(ExtensionRequested.of(request, task, "KM-1", "任务", unit, null,
                responsible, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), "资金未到位", "wuhua", requester))
                .get(0);
        ExtensionDecided decided = ExtensionDecided.of(request, task, "KM-1", "任务", unit, responsible, requester,
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), ExtensionDecided.APPROVED,
                LocalDate.of(2026, 9, 30), "同意", "office");
        Occasion answered = Occasions.of(decided).get(0);

        assertThat(requested.subjectId()).isEqualTo(request);
        assertThat(rules(ReminderKind.EXTENSION_REQUESTED, List.of(Recipient.REFORM_OFFICE))
                .recipients(requested, chain)).containsExactly(office);
        assertThat(Occasions.closedBy(decided)).containsExactly(request);
        assertThat(rules(ReminderKind.EXTENSION_DECIDED, List.of(Recipient.RESPONSIBLE_PERSON, Recipient.UNIT_LIAISON))
                .recipients(answered, chain)).containsExactly(requester, liaison);
        Occasion unlinked = Occasions.of(ExtensionDecided.of(request, task, "KM-1", "任务", unit, responsible, null,
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), ExtensionDecided.REJECTED, null, "不同意",
                "office")).get(0);
        assertThat(unlinked.responsiblePersonId()).isEqualTo(responsible);
        assertThat(unlinked.facts()).containsEntry("deadline", "").containsEntry("decision", "REJECTED");
    }

    @Test
    void aMovedDeadlineStopsTheOldDeadlinesRepeats() {
        UUID task = UUID.randomUUID();

        assertThat(Occasions.closedBy(TaskDeadlineChanged.of(task, "KM-1", unit, LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 9, 30), "延期申请已批准"))).containsExactly(task);
    }

    @Test
    void aReassignedTaskTellsItsNewResponsiblePersonAndUnit() {
        UUID task = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        Occasion handedOver = Occasions.of(TaskReassigned.of(task, "KM-1", "任务", UUID.randomUUID(), unit, null, null,
                before, after, LocalDate.of(2026, 6, 30), "职能划转", false, "office")).get(0);

        assertThat(handedOver.kind()).isEqualTo(ReminderKind.TASK_REASSIGNED);
        assertThat(rules(ReminderKind.TASK_REASSIGNED, List.of(Recipient.RESPONSIBLE_PERSON, Recipient.UNIT_LIAISON))
                .recipients(handedOver, chain)).containsExactly(after, liaison);
        assertThat(handedOver.facts()).containsEntry("personChanged", "true");
    }

    @Test
    void eachReminderBeforeADueDateIsAnOccasionPerOffset() {
        UUID task = UUID.randomUUID();
        Occasion report7 = Occasions.of(ReportDueSoon.of(task, "KM-1", "任务", unit, person, "2026-06",
                LocalDate.of(2026, 6, 25), 7, null)).get(0);
        Occasion report3 = Occasions.of(ReportDueSoon.of(task, "KM-1", "任务", unit, person, "2026-06",
                LocalDate.of(2026, 6, 25), 3, null)).get(0);
        Occasion summary = Occasions.of(PilotSummaryDueSoon.of(UUID.randomUUID(), "试点", unit, null,
                "MONTHLY_SUMMARY", "2026-05", LocalDate.of(2026, 6, 5), 1)).get(0);
        Occasion rectification = Occasions.of(RectificationDueSoon.of(UUID.randomUUID(), UUID.randomUUID(), unit,
                "台账更新不及时", LocalDate.of(2026, 6, 30), 7, person)).get(0);

        assertThat(report7.key()).isNotEqualTo(report3.key());
        assertThat(List.of(report7.kind(), summary.kind(), rectification.kind())).containsExactly(
                ReminderKind.REPORT_DUE_SOON, ReminderKind.PILOT_SUMMARY_DUE_SOON, ReminderKind.RECTIFICATION_DUE_SOON);
        assertThat(summary.facts()).containsEntry("summaryKind", "MONTHLY_SUMMARY").containsEntry("daysLeft", "1");
        assertThat(rectification.responsiblePersonId()).isEqualTo(person);
    }

    @Test
    void eventsNobodyIsRemindedOfBringNoOccasion() {
        assertThat(Occasions.of(closedTask())).isEmpty();
    }

    @Test
    void everyRuleMustKeepTheInboxAndEveryKindMustHaveARule() {
        assertThatThrownBy(() -> new ReminderRule(List.of(Recipient.RESPONSIBLE_PERSON), List.of(Channel.SMS),
                Optional.empty())).hasMessageContaining("INBOX");
        assertThatThrownBy(() -> new ReminderRule(List.of(Recipient.RESPONSIBLE_PERSON), List.of(Channel.INBOX),
                Optional.of(Duration.ZERO))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ReminderRules(new HashMap<>())).hasMessageContaining("No reminder rule");
    }

    private TaskClosed closedTask() {
        return TaskClosed.of(UUID.randomUUID(), "KM-1", "任务", unit, LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 3, 30));
    }
}
