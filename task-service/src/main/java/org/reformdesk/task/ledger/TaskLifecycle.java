package org.reformdesk.task.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The task lifecycle of DOMAIN.md: DRAFT → ASSIGNED → IN_PROGRESS → CLOSE_REQUESTED → CLOSED, a rejected
 * close-out back to IN_PROGRESS, SUSPENDED (the clock stops) and back, CANCELLED from any open status.
 */
public final class TaskLifecycle {

    /** An action the task's current status does not allow. */
    public static final class IllegalTransition extends RuntimeException {

        private final TaskStatus current;
        private final TaskAction action;

        IllegalTransition(TaskStatus current, TaskAction action) {
            super("A task that is " + current + " cannot " + action);
            this.current = current;
            this.action = action;
        }

        public TaskStatus current() {
            return current;
        }

        public TaskAction action() {
            return action;
        }
    }

    private TaskLifecycle() {
    }

    /**
     * Where {@code action} takes a task that is {@code current}.
     *
     * @param suspendedFrom the status a suspended task left, where RESUME returns it
     */
    public static TaskStatus next(TaskStatus current, TaskAction action, TaskStatus suspendedFrom) {
        TaskStatus next = switch (action) {
            case ASSIGN -> current == TaskStatus.DRAFT ? TaskStatus.ASSIGNED : null;
            case START -> current == TaskStatus.ASSIGNED ? TaskStatus.IN_PROGRESS : null;
            case REQUEST_CLOSE -> current == TaskStatus.ASSIGNED || current == TaskStatus.IN_PROGRESS
                    ? TaskStatus.CLOSE_REQUESTED : null;
            case CLOSE, REJECT -> current == TaskStatus.CLOSE_REQUESTED
                    ? (action == TaskAction.CLOSE ? TaskStatus.CLOSED : TaskStatus.IN_PROGRESS) : null;
            case SUSPEND -> current == TaskStatus.ASSIGNED || current == TaskStatus.IN_PROGRESS
                    ? TaskStatus.SUSPENDED : null;
            case RESUME -> current == TaskStatus.SUSPENDED
                    ? (suspendedFrom != null ? suspendedFrom : TaskStatus.ASSIGNED) : null;
            case CANCEL -> current == TaskStatus.CLOSED || current == TaskStatus.CANCELLED ? null : TaskStatus.CANCELLED;
        };
        if (next == null) {
            throw new IllegalTransition(current, action);
        }
        return next;
    }

    /** The days a suspension keeps for later: what was left on the day the clock stopped, never less than none. */
    public static int remainingDays(LocalDate deadline, LocalDate suspendedOn) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(suspendedOn, deadline));
    }

    /** The deadline of a resumed task: the days that were left, counted from the day it resumes. */
    public static LocalDate resumedDeadline(int remainingDays, LocalDate resumedOn) {
        return resumedOn.plusDays(remainingDays);
    }
}
