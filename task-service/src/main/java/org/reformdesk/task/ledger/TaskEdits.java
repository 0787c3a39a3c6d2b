package org.reformdesk.task.ledger;

import org.reformdesk.platform.problem.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an edit of a task's descriptive fields changes, decided without a database: each field that differs, old →
 * new, for the history, and the milestones to add, change and remove; or every reason the edit cannot be made.
 * Sending a task's current values again changes nothing, so a retried edit is harmless.
 */
final class TaskEdits {

    /** A task as an edit finds it. */
    public record Current(String title, String description, List<String> policyAreas, UUID leadUnitId,
            List<UUID> participatingUnitIds, List<CurrentMilestone> milestones) {
    }

    public record CurrentMilestone(UUID id, String name, LocalDate dueOn, boolean done) {
    }

    /** One changed field, as the history shows it. */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** A milestone after the edit: {@code id} null for a new one, at {@code position} in the new order. */
    public record PlannedMilestone(UUID id, String name, LocalDate dueOn, int position) {
    }

    /**
     * The outcome: the changes (empty: nothing to do), the task's milestones after the edit (null: the edit leaves
     * them alone), those to remove, and the errors that stop the edit.
     */
    public record Plan(List<Change> changes, List<PlannedMilestone> milestones, List<UUID> removedMilestones,
            List<Problem.FieldError> errors) {
    }

    private TaskEdits() {
    }

    public static Plan plan(Current task, TaskRequests.TaskEdit edit, List<String> configuredAreas) {
        List<Change> changes = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (edit.title() != null) {
            String title = edit.title().strip();
            if (title.isEmpty()) {
                errors.add(new Problem.FieldError("title", "must not be blank"));
            } else if (!title.equals(task.title())) {
                changes.add(new Change("title", task.title(), title));
            }
        }
        if (edit.description() != null) {
            String description = edit.description().isBlank() ? null : edit.description();
            if (!Objects.equals(description, task.description())) {
                changes.add(new Change("description", task.description(), description));
            }
        }
        if (edit.policyAreas() != null) {
            List<String> areas = new ArrayList<>(new LinkedHashSet<>(edit.policyAreas().stream()
                    .filter(Objects::nonNull).map(String::strip).toList()));
            for (String area : areas) {
                if (!configuredAreas.contains(area)) {
                    errors.add(new Problem.FieldError("policyAreas", "'" + area + "' is not one of "
                            + String.join("、", configuredAreas)));
                }
            }
            if (!areas.equals(task.policyAreas())) {
                changes.add(new Change("policyAreas", String.join("、", task.policyAreas()), String.join("、", areas)));
            }
        }
        if (edit.participatingUnitIds() != null) {
            List<UUID> units = new ArrayList<>(new LinkedHashSet<>(edit.participatingUnitIds()));
            if (units.contains(task.leadUnitId())) {
                errors.add(new Problem.FieldError("participatingUnitIds", "names the lead unit, which leads the task"));
            }
            if (!units.equals(task.participatingUnitIds())) {
                changes.add(new Change("participatingUnitIds", ids(task.participatingUnitIds()), ids(units)));
            }
        }
        List<PlannedMilestone> milestones = null;
        List<UUID> removed = List.of();
        if (edit.milestones() != null) {
            milestones = new ArrayList<>();
            removed = new ArrayList<>();
            planMilestones(task.milestones(), edit.milestones(), milestones, removed, changes, errors);
        }
        return new Plan(changes, milestones, removed, errors);
    }

    private static void planMilestones(List<CurrentMilestone> current, List<TaskRequests.MilestoneEdit> wanted,
            List<PlannedMilestone> planned, List<UUID> removed, List<Change> changes, List<Problem.FieldError> errors) {
        Map<UUID, CurrentMilestone> byId = new HashMap<>();
        Map<String, CurrentMilestone> byName = new HashMap<>();
        for (CurrentMilestone milestone : current) {
            byId.put(milestone.id(), milestone);
            byName.put(milestone.name(), milestone);
        }
        Set<String> names = new HashSet<>();
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            TaskRequests.MilestoneEdit entry = wanted.get(i);
            String name = entry.name().strip();
            if (!names.add(name)) {
                errors.add(new Problem.FieldError("milestones", "two milestones are named " + name));
                continue;
            }
            CurrentMilestone existing = entry.id() != null ? byId.get(entry.id()) : byName.get(name);
            if (entry.id() != null && existing == null) {
                errors.add(new Problem.FieldError("milestones[" + i + "].id", "is not a milestone of this task"));
                continue;
            }
            if (existing != null && !kept.add(existing.id())) {
                errors.add(new Problem.FieldError("milestones[" + i + "]", "names milestone " + existing.name()
                        + " a second time"));
                continue;
            }
            planned.add(new PlannedMilestone(existing == null ? null : existing.id(), name, entry.dueOn(), i));
            if (existing == null) {
                changes.add(new Change("milestones", null, describe(name, entry.dueOn())));
            } else if (!existing.name().equals(name) || !existing.dueOn().equals(entry.dueOn())) {
                changes.add(new Change("milestones", describe(existing.name(), existing.dueOn()),
                        describe(name, entry.dueOn())));
            }
        }
        List<String> keptBefore = current.stream().filter(m -> kept.contains(m.id())).map(CurrentMilestone::name)
                .toList();
        List<String> keptAfter = planned.stream().filter(m -> m.id() != null)
                .map(m -> byId.get(m.id()).name()).toList();
        if (!keptBefore.equals(keptAfter)) {
            changes.add(new Change("milestoneOrder", String.join("、", keptBefore), String.join("、", keptAfter)));
        }
        for (CurrentMilestone milestone : current) {
            if (!kept.contains(milestone.id())) {
                if (milestone.done()) {
                    errors.add(new Problem.FieldError("milestones", "leaves out " + milestone.name()
                            + ", which was reached; a reached milestone stays"));
                } else {
                    removed.add(milestone.id());
                    changes.add(new Change("milestones", describe(milestone.name(), milestone.dueOn()), null));
                }
            }
        }
    }

    private static String describe(String name, LocalDate dueOn) {
        return name + "：" + dueOn;
    }

    private static String ids(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
