package org.reformdesk.inspection.calendar;

import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * One day as the office lists it: where it was given ({@code holidays[2]}, a sheet's {@code rows[5]}) and under
     * which column, if a sheet's (日期), so a problem can name both; the day, whether it is a make-up working day, and
     * its name (春节, 国庆节调休上班) where given, checked by whoever read it.
     */
    public record Listed(String field, String column, LocalDate day, boolean working, String name) {

        /** The day as a problem names it: 2027-01-01, or 日期 2027-01-01 from a sheet. */
        String named() {
            return column == null ? day.toString() : column + " " + day;
        }
    }

    private final int year;
    private final SortedMap<LocalDate, Boolean> days;
    private final Map<LocalDate, String> names;

    private YearSchedule(int year, SortedMap<LocalDate, Boolean> days, Map<LocalDate, String> names) {
        this.year = year;
        this.days = Collections.unmodifiableSortedMap(days);
        this.names = Collections.unmodifiableMap(names);
    }

    /**
     * The schedule, or a 400 naming every bad entry ({@code holidays[2]}, {@code workingDays[0]}): a date outside the
     * year, a date listed twice or in both lists, a make-up working day that is not a Saturday or Sunday.
     */
    public static YearSchedule of(int year, List<LocalDate> holidays, List<LocalDate> workingDays) {
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            listed.add(new Listed("holidays[" + i + "]", null, holidays.get(i), false, null));
        }
        for (int i = 0; i < workingDays.size(); i++) {
            listed.add(new Listed("workingDays[" + i + "]", null, workingDays.get(i), true, null));
        }
        return of(year, listed, "holidays", "workingDays");
    }

    /**
     * The schedule of the days as listed (from JSON or a sheet: the same rules either way), or a 400 naming every bad
     * one by its field: a date outside the year, a date listed twice, a make-up working day that is not a Saturday or
     * Sunday; more holidays or make-up days than a year has are named by {@code holidaysField} and
     * {@code workingDaysField}.
     */
    public static YearSchedule of(int year, List<Listed> listed, String holidaysField, String workingDaysField) {
        List<Problem.FieldError> errors = new ArrayList<>();
        long holidays = listed.stream().filter(d -> !d.working()).count();
        if (holidays > MAX_HOLIDAYS) {
            errors.add(new Problem.FieldError(holidaysField, "lists more than " + MAX_HOLIDAYS + " holidays"));
        }
        if (listed.size() - holidays > MAX_WORKING_DAYS) {
            errors.add(new Problem.FieldError(workingDaysField, "lists more than " + MAX_WORKING_DAYS
                    + " make-up working days"));
        }
        SortedMap<LocalDate, Boolean> days = new TreeMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        Map<LocalDate, Listed> seen = new HashMap<>();
        for (Listed day : listed) {
            Listed earlier = seen.putIfAbsent(day.day(), day);
            if (day.day().getYear() != year) {
                errors.add(new Problem.FieldError(day.field(), day.named() + " is not in " + year));
            } else if (earlier != null && earlier.working() == day.working()) {
                errors.add(new Problem.FieldError(day.field(), day.named() + " is listed twice (also "
                        + earlier.field() + ")"));
            } else if (earlier != null) {
                errors.add(new Problem.FieldError(day.field(), day.named() + " is also listed as a "
                        + (earlier.working() ? "make-up working day" : "holiday") + " (" + earlier.field() + ")"));
            } else if (day.working() && !isWeekend(day.day())) {
                errors.add(new Problem.FieldError(day.field(), day.named() + " is a " + day.day().getDayOfWeek()
                        + "; a make-up working day (调休上班) falls on a Saturday or Sunday"));
            } else {
                days.put(day.day(), day.working());
                if (day.name() != null) {
                    names.put(day.day(), day.name());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new YearSchedule(year, days, names);
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

    /** The day's name as listed (春节), if it was given one. */
    public Optional<String> name(LocalDate day) {
        return Optional.ofNullable(names.get(day));
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
