package org.reformdesk.task.extension;

import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;

/**
 * When a lead unit may ask for more time and what the office may grant (DOMAIN.md "Extension request"): a request
 * comes before the deadline passes, for a later date; an approval grants the date asked for, or an earlier one
 * that is still later than the task's deadline, and never a day already gone.
 */
final class ExtensionRules {

    private ExtensionRules() {
    }

    /**
     * Refuses a request the task cannot take now: 409 where its deadline does not run, 422 once the deadline has
     * passed (a deadline falls due at the end of its day), 400 for a date that is not later.
     */
    public static void checkRequest(String code, TaskStatus status, LocalDate deadline, LocalDate today,
            LocalDate requested) {
        if (!status.deadlineApplies()) {
            throw ProblemException.conflict("Not allowed while " + status, "Task " + code + " is " + status
                    + "; its deadline does not run, so there is nothing to extend.");
        }
        if (today.isAfter(deadline)) {
            throw new ProblemException(422, "Deadline passed", "Task " + code + " was due on " + deadline
                    + ": an extension (延期申请) must be asked for before the deadline passes. The reform office may "
                    + "still adjust the deadline.");
        }
        if (!requested.isAfter(deadline)) {
            throw ProblemException.invalid("requestedDeadline", "must be later than the task's deadline " + deadline);
        }
    }

    /**
     * The deadline an approval sets: {@code granted} where the office names one, else the date asked for; later than
     * the task's current deadline and not before today.
     */
    public static LocalDate approvedDeadline(LocalDate granted, LocalDate requested, LocalDate current,
            LocalDate today) {
        LocalDate deadline = granted != null ? granted : requested;
        if (!deadline.isAfter(current)) {
            throw ProblemException.invalid(granted != null ? "deadline" : "requestedDeadline",
                    "must be later than the task's deadline " + current);
        }
        if (deadline.isBefore(today)) {
            throw ProblemException.invalid(granted != null ? "deadline" : "requestedDeadline",
                    "is " + deadline + ", a day already gone; grant a later one");
        }
        return deadline;
    }
}
