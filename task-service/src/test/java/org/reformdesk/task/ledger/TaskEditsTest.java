package org.reformdesk.task.ledger;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TaskEditsTest {

    private static final List<String> AREAS = List.of("经济", "社会民生", "生态文明");
    private static final UUID LEAD = UUID.randomUUID();
    private static final UUID PLAN = UUID.randomUUID();
    private static final UUID PILOT = UUID.randomUUID();
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 30);

    private final TaskEdits.Current task = new TaskEdits.Current("推进户籍制度改革", "放宽落户条件", List.of("社会民生"),
            LEAD, List.of(), List.of(new TaskEdits.CurrentMilestone(PLAN, "出台方案", JUNE, true),
            new TaskEdits.CurrentMilestone(PILOT, "完成试点", SEPTEMBER, false)));

    @Test
    void eachChangedFieldIsOneChangeOldToNew() {
        TaskEdits.Plan plan = TaskEdits.plan(task, new TaskRequests.TaskEdit("深化户籍制度改革", "", List.of("社会民生",
                "经济"), null, null), AREAS);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.changes()).containsExactly(
                new TaskEdits.Change("title", "推进户籍制度改革", "深化户籍制度改革"),
                new TaskEdits.Change("description", "放宽落户条件", null),
                new TaskEdits.Change("policyAreas", "社会民生", "社会民生、经济"));
        assertThat(plan.milestones()).isNull();
    }

    @Test
    void theTasksOwnValuesAgainChangeNothing() {
        TaskEdits.Plan plan = TaskEdits.plan(task, new TaskRequests.TaskEdit(" 推进户籍制度改革 ", "放宽落户条件",
                List.of("社会民生"), List.of(new TaskRequests.MilestoneEdit(PLAN, "出台方案", JUNE),
                new TaskRequests.MilestoneEdit(null, "完成试点", SEPTEMBER)), List.of()), AREAS);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void milestonesAreMovedByIdMatchedByNameAddedAndRemoved() {
        TaskEdits.Plan plan = TaskEdits.plan(task, new TaskRequests.TaskEdit(null, null, null, List.of(
                new TaskRequests.MilestoneEdit(PLAN, "出台实施方案", JUNE),
                new TaskRequests.MilestoneEdit(null, "总结评估", SEPTEMBER.plusMonths(2))), null), AREAS);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.milestones()).containsExactly(new TaskEdits.PlannedMilestone(PLAN, "出台实施方案", JUNE, 0),
                new TaskEdits.PlannedMilestone(null, "总结评估", SEPTEMBER.plusMonths(2), 1));
        assertThat(plan.removedMilestones()).containsExactly(PILOT);
        assertThat(plan.changes()).containsExactly(
                new TaskEdits.Change("milestones", "出台方案：2026-06-30", "出台实施方案：2026-06-30"),
                new TaskEdits.Change("milestones", null, "总结评估：2026-11-30"),
                new TaskEdits.Change("milestones", "完成试点：2026-09-30", null));
    }

    @Test
    void aReachedMilestoneCannotBeLeftOut() {
        TaskEdits.Plan plan = TaskEdits.plan(task, new TaskRequests.TaskEdit(null, null, null, List.of(
                new TaskRequests.MilestoneEdit(PILOT, "完成试点", SEPTEMBER)), null), AREAS);

        assertThat(plan.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("milestones");
            assertThat(error.message()).contains("出台方案");
        });
    }

    @Test
    void reorderingMilestonesIsAChange() {
        TaskEdits.Plan plan = TaskEdits.plan(task, new TaskRequests.TaskEdit(null, null, null, List.of(
                new TaskRequests.MilestoneEdit(PILOT, "完成试点", SEPTEMBER),
                new TaskRequests.MilestoneEdit(PLAN, "出台方案", JUNE)), null), AREAS);

        assertThat(plan.changes()).containsExactly(new TaskEdits.Change("milestoneOrder", "出台方案、完成试点",
                "完成试点、出台方案"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TaskEdits.Plan plan = TaskEdits.plan(task, new TaskRequests.TaskEdit("  ", null, List.of("外交"), List.of(
                new TaskRequests.MilestoneEdit(UUID.randomUUID(), "出台方案", JUNE),
                new TaskRequests.MilestoneEdit(null, "完成试点", JUNE),
                new TaskRequests.MilestoneEdit(null, "完成试点", SEPTEMBER)), List.of(LEAD)), AREAS);

        assertThat(plan.errors()).extracting(error -> error.field()).contains("title", "policyAreas",
                "participatingUnitIds", "milestones[0].id", "milestones");
    }
}
