package org.reformdesk.task.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients send to the ledger. */
public final class TaskRequests {

    private TaskRequests() {
    }

    /**
     * A task to enter. Only title, lead unit, responsible person and deadline are required; the plan year defaults
     * to the deadline's year, the origin to MUNICIPAL, the status to ASSIGNED (or DRAFT to assign later), the
     * responsible leader to the head of the coordinating group.
     */
    public record NewTask(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and '-' only") String code,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Size(max = 7) List<@NotBlank String> policyAreas,
            TaskOrigin origin,
            Boolean rigid,
            @Min(value = 2000, message = "must be between 2000 and 2100") @Max(value = 2100, message = "must be between 2000 and 2100") Integer planYear,
            UUID groupId,
            @NotNull UUID leadUnitId,
            @Size(max = 50) List<@NotNull UUID> coLeadUnitIds,
            @Size(max = 200) List<@NotNull UUID> participatingUnitIds,
            UUID responsibleLeaderId,
            @NotNull UUID responsiblePersonId,
            @NotNull LocalDate deadline,
            @Size(max = 50) List<@NotNull @Valid NewMilestone> milestones,
            @Size(max = 200) String expectedOutcome,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            TaskStatus status) {
    }

    /**
     * Where a task from a running ledger stands: its status, the day it was closed (CLOSED), or the day its deadline
     * clock stopped and the status it resumes to (SUSPENDED).
     */
    public record Carried(TaskStatus status, LocalDate closedOn, LocalDate suspendedOn, TaskStatus resumesTo) {
    }

    public record NewMilestone(@NotBlank @Size(max = 200) String name, @NotNull LocalDate dueOn) {
    }

    /** A move along the lifecycle; rejection, suspension and cancellation need a reason. */
    public record Transition(@NotNull TaskAction action, @Size(max = 2000) String reason) {
    }

    /** An approved deadline adjustment (动态调整); the old date stays in the history. */
    public record DeadlineAdjustment(@NotNull LocalDate deadline, @NotBlank @Size(max = 2000) String reason) {
    }

    /** A milestone reached, or reopened. */
    public record MilestoneUpdate(@NotNull Boolean done) {
    }

    /**
     * Changes to a task's descriptive fields ({@code PATCH /api/v1/tasks/{id}}): a field left out (or null) stays as
     * it is; an empty description clears it. {@code milestones}, where given, is the task's whole list in its new
     * order: an entry with the {@code id} of one of the task's milestones renames or moves it, one without an id is
     * the milestone of that name (or a new one), and a milestone left out is removed — a reached one cannot be.
     * {@code participatingUnitIds}, where given, replaces the participating units.
     */
    public record TaskEdit(
            @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            @Size(max = 7) List<@NotBlank String> policyAreas,
            @Size(max = 50) List<@NotNull @Valid MilestoneEdit> milestones,
            @Size(max = 200) List<@NotNull UUID> participatingUnitIds) {
    }

    /** One milestone of an edit's list: an existing one by {@code id}, or by name, or a new one. */
    public record MilestoneEdit(UUID id, @NotBlank @Size(max = 200) String name, @NotNull LocalDate dueOn) {
    }

    /**
     * A reassignment (office only) of the task's lead unit, responsible leader (责任领导) and/or responsible person
     * (责任人); a field left out stays as it is, at least one must change, and the reason goes into the history.
     * {@code closeOpenOrders}: close the task's open supervision order (reason "reassigned") rather than leave it
     * with the unit it was issued to (default false).
     */
    public record Reassignment(UUID leadUnitId, UUID responsibleLeaderId, UUID responsiblePersonId,
            @NotBlank @Size(max = 2000) String reason, Boolean closeOpenOrders) {
    }
}
