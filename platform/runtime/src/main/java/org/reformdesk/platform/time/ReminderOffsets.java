package org.reformdesk.platform.time;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The days before a due date at which a due-soon reminder goes out (DOMAIN.md: default 7, 3 and 1), for task
 * deadlines and milestones, monthly reports, pilot summaries and rectification items alike. A due date is
 * DUE_SOON from the largest offset on, and each day falls in the band of exactly one offset: the smallest one
 * not below the days left, so a task entered two days before its deadline gets the 3-day reminder, not three
 * reminders at once.
 */
public record ReminderOffsets(List<Integer> days) {

    public ReminderOffsets {
        if (days.isEmpty() || days.stream().anyMatch(d -> d == null || d < 0)) {
            throw new IllegalArgumentException("Reminder offsets must be days of 0 or more, at least one: " + days);
        }
        days = List.copyOf(new TreeSet<>(days));
    }

    /** How many days before a due date it shows as DUE_SOON. */
    public int window() {
        return days.get(days.size() - 1);
    }

    /** The offset whose reminder is due with {@code daysLeft} days to go, if any. */
    public Optional<Integer> offsetFor(long daysLeft) {
        return daysLeft < 0 ? Optional.empty() : days.stream().filter(d -> d >= daysLeft).findFirst();
    }

    /** Each offset with the days-left band it covers: (previous offset, offset]. */
    public List<Band> bands() {
        List<Band> bands = new java.util.ArrayList<>();
        int previous = -1;
        for (int offset : days) {
            bands.add(new Band(offset, previous + 1, offset));
            previous = offset;
        }
        return bands;
    }

    /** Reminders for offset {@code offset} go to due dates from {@code fromDaysLeft} to {@code toDaysLeft} away. */
    public record Band(int offset, int fromDaysLeft, int toDaysLeft) {
    }
}
