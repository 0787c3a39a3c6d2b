package org.reformdesk.inspection.calendar;

import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One year's official holiday schedule (放假安排) as the office enters it in one go: the public holidays and the
 * make-up working days (调休). Checked whole before anything is stored, so a schedule with one bad date changes
 * nothing.
 */
final class YearSchedule {

    /**
     * The most holidays a year may list. The busiest official schedules give about 30 days off counting the weekends
     * inside each break (春节 8, 国庆 7-8, …); twice that still catches a pasted list of every day of a month.
     */
    public static final int MAX_HOLIDAYS = 60;
    /** The most make-up working days a year may list; official schedules have had six to eight. */
    public static final int MAX_WORKING_DAYS = 20;

    private final int year;
    private final SortedMap<LocalDate, Boolean> days;

    private YearSchedule(int year, SortedMap<LocalDate, Boolean> days) {
        this.year = year;
        this.days = Collections.unmodifiableSortedMap(days);
    }

    /**
     * The schedule, or a 400 naming every bad entry ({@code holidays[2]}, {@code workingDays[0]}): a date outside the
     * year, a date listed twice or in both lists, a make-up working day that is not a Saturday or Sunday.
     */
    public static YearSchedule of(int year, List<LocalDate> holidays, List<LocalDate> workingDays) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (holidays.size() > MAX_HOLIDAYS) {
            errors.add(new Problem.FieldError("holidays", "lists more than " + MAX_HOLIDAYS + " days"));
        }
        if (workingDays.size() > MAX_WORKING_DAYS) {
            errors.add(new Problem.FieldError("workingDays", "lists more than " + MAX_WORKING_DAYS + " days"));
        }
        Set<LocalDate> off = new HashSet<>(holidays);
        SortedMap<LocalDate, Boolean> days = new TreeMap<>();
        check(year, "holidays", holidays, false, days, errors);
        check(year, "workingDays", workingDays, true, days, errors);
        for (int i = 0; i < workingDays.size(); i++) {
            if (off.contains(workingDays.get(i))) {
                errors.add(new Problem.FieldError("workingDays[" + i + "]", "is also listed as a holiday"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new YearSchedule(year, days);
    }

    private static void check(int year, String field, List<LocalDate> dates, boolean working,
            Map<LocalDate, Boolean> days, List<Problem.FieldError> errors) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate day = dates.get(i);
            String name = field + "[" + i + "]";
            if (day.getYear() != year) {
                errors.add(new Problem.FieldError(name, "is not in " + year));
            } else if (!seen.add(day)) {
                errors.add(new Problem.FieldError(name, "is listed twice"));
            } else if (working && !isWeekend(day)) {
                errors.add(new Problem.FieldError(name, "is a " + day.getDayOfWeek()
                        + "; a make-up working day (调休上班) falls on a Saturday or Sunday"));
            } else {
                days.putIfAbsent(day, working);
            }
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public int year() {
        return year;
    }

    /** Every day the schedule sets, in date order: false for a holiday, true for a make-up working day. */
    public SortedMap<LocalDate, Boolean> days() {
        return days;
    }

    public List<LocalDate> holidays() {
        return of(false);
    }

    public List<LocalDate> workingDays() {
        return of(true);
    }

    private List<LocalDate> of(boolean working) {
        return days.entrySet().stream().filter(e -> e.getValue() == working).map(Map.Entry::getKey).toList();
    }
}
