package org.reformdesk.task.ledger;

import java.time.LocalDate;

/** The traffic light (红黄绿灯) of a task, derived from its deadline and today's date, never typed in. */
public enum Timeliness {
    /** green */
    ON_TRACK,
    /** yellow: the deadline is within the reminder offsets */
    DUE_SOON,
    /** red: the deadline passed and the task is not closed */
    OVERDUE;

    /**
     * A deadline is a local date that falls due at the end of that day, so a task is overdue from the day after.
     * A task whose deadline does not apply (draft, suspended, closed, cancelled) is on track.
     *
     * @param dueSoonDays the largest reminder offset
     */
    public static Timeliness of(TaskStatus status, LocalDate deadline, LocalDate today, int dueSoonDays) {
        if (!status.deadlineApplies()) {
            return ON_TRACK;
        }
        if (today.isAfter(deadline)) {
            return OVERDUE;
        }
        if (!today.plusDays(dueSoonDays).isBefore(deadline)) {
            return DUE_SOON;
        }
        return ON_TRACK;
    }
}
