package org.reformdesk.task.ledger;

import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks on a new task that need no database: configured areas, entry status, distinct milestones. */
public final class TaskRules {

    private TaskRules() {
    }

    public static List<Problem.FieldError> check(TaskRequests.NewTask request, List<String> policyAreas) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.policyAreas() != null) {
            for (String area : request.policyAreas()) {
                if (area != null && !policyAreas.contains(area.strip())) {
                    errors.add(new Problem.FieldError("policyAreas", "'" + area + "' is not one of "
                            + String.join("、", policyAreas)));
                }
            }
        }
        if (request.status() != null && request.status() != TaskStatus.DRAFT
                && request.status() != TaskStatus.ASSIGNED) {
            errors.add(new Problem.FieldError("status", "a task enters the ledger as DRAFT or ASSIGNED"));
        }
        if (request.milestones() != null) {
            Set<String> names = new HashSet<>();
            for (TaskRequests.NewMilestone milestone : request.milestones()) {
                if (milestone != null && milestone.name() != null && !names.add(milestone.name().strip())) {
                    errors.add(new Problem.FieldError("milestones", "two milestones are named " + milestone.name()));
                }
            }
        }
        return errors;
    }

    /** A 400 listing every field error. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", String.join("; ",
                errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
    }
}
