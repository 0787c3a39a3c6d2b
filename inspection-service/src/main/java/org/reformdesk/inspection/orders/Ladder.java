package org.reformdesk.inspection.orders;

import org.reformdesk.events.Rung;
import org.reformdesk.inspection.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The escalation ladder (Zibo 三单一书): 提示单 → 交办单 → 催办单 → 责令书, each rung with its days to reply,
 * counted in calendar or working days. The ladder in force when a chain's first order is issued is frozen with
 * the chain (see {@link #frozen()}), so a later change of configuration never changes an escalation under way.
 */
final class Ladder {

    private final List<Integer> replyByDays;
    private final DayCount dayCount;

    public Ladder(List<Integer> replyByDays) {
        this(replyByDays, DayCount.CALENDAR);
    }

    public Ladder(List<Integer> replyByDays, DayCount dayCount) {
        if (replyByDays.size() != Rung.values().length) {
            throw new IllegalArgumentException("The ladder needs reply-by days for each of its "
                    + Rung.values().length + " rungs, got " + replyByDays);
        }
        if (replyByDays.stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("Reply-by days must be at least 1, got " + replyByDays);
        }
        this.replyByDays = List.copyOf(replyByDays);
        this.dayCount = dayCount;
    }

    /** The ladder as an order stored it: {@code "5,5,3,3"} and its day count. */
    public static Ladder thawed(String frozenDays, DayCount dayCount) {
        return new Ladder(Arrays.stream(frozenDays.split(",")).map(String::trim).map(Integer::valueOf).toList(),
                dayCount);
    }

    /** The reply-by days as an order stores them. */
    public String frozen() {
        return replyByDays.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public DayCount dayCount() {
        return dayCount;
    }

    public Rung first() {
        return Rung.values()[0];
    }

    /** The rung above, or empty at the top (责令书), which does not escalate further. */
    public Optional<Rung> above(Rung rung) {
        int next = rung.ordinal() + 1;
        return next < Rung.values().length ? Optional.of(Rung.values()[next]) : Optional.empty();
    }

    public boolean isTop(Rung rung) {
        return above(rung).isEmpty();
    }

    /** The date by which an order of this rung issued on {@code issuedOn} must be answered, in calendar days. */
    public LocalDate replyBy(Rung rung, LocalDate issuedOn) {
        return replyBy(rung, issuedOn, WorkingCalendar.WEEKDAYS);
    }

    /** The date by which an order of this rung issued on {@code issuedOn} must be answered. */
    public LocalDate replyBy(Rung rung, LocalDate issuedOn, WorkingCalendar calendar) {
        int days = replyByDays.get(rung.ordinal());
        return dayCount == DayCount.WORKING ? calendar.plusWorkingDays(issuedOn, days) : issuedOn.plusDays(days);
    }
}
