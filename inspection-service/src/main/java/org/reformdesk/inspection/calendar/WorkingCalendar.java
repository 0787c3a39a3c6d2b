package org.reformdesk.inspection.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Which days are working days: Monday to Friday, except the public holidays the office has loaded, plus the
 * make-up working days on weekends (调休) of China's official schedule.
 */
public final class WorkingCalendar {

    /** A calendar with no holidays and no make-up days. */
    public static final WorkingCalendar WEEKDAYS = new WorkingCalendar(Map.of());

    private final Map<LocalDate, Boolean> exceptions;

    /** @param exceptions days that differ from the Monday-to-Friday rule: true = working, false = day off */
    public WorkingCalendar(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The working day {@code days} working days after {@code from} (from itself does not count). */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Cannot count back " + days + " working days");
        }
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
