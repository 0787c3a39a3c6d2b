package org.reformdesk.pilot.summaries;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A pilot's summary calendar: which summaries it owes for the time it runs, and when each falls due. A
 * period's summary is due on the configured day of the month after the period ends; the final summary is due
 * a configured number of days after the planned end. Periods are named {@code 2026-03}, {@code 2026-Q1},
 * {@code 2026-H1} and, for the final summary, the year of the planned end.
 */
final class SummaryCalendar {

    /** One summary owed: what, for which period, due when. */
    public record Obligation(SummaryKind kind, String period, LocalDate dueOn) {
    }

    private final int dueDayOfMonth;
    private final int finalSummaryDays;

    public SummaryCalendar(int dueDayOfMonth, int finalSummaryDays) {
        if (dueDayOfMonth < 1 || dueDayOfMonth > 28) {
            throw new IllegalArgumentException("The due day must be 1 to 28 so that every month has it, got "
                    + dueDayOfMonth);
        }
        if (finalSummaryDays < 0) {
            throw new IllegalArgumentException("Final summary days must not be negative, got " + finalSummaryDays);
        }
        this.dueDayOfMonth = dueDayOfMonth;
        this.finalSummaryDays = finalSummaryDays;
    }

    /**
     * Every summary a pilot running from {@code start} to {@code plannedEnd} owes that falls due on or before
     * {@code until}: periods overlapping the run, in order of due date.
     */
    public List<Obligation> dueBy(LocalDate start, LocalDate plannedEnd, LocalDate until) {
        List<Obligation> owed = new ArrayList<>();
        YearMonth last = YearMonth.from(plannedEnd);
        for (YearMonth month = YearMonth.from(start); !month.isAfter(last); month = month.plusMonths(1)) {
            add(owed, SummaryKind.MONTHLY_SUMMARY, month.toString(), month, until);
            if (month.getMonthValue() % 3 == 0 || month.equals(last)) {
                add(owed, SummaryKind.QUARTERLY_ANALYSIS,
                        month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1), month, until);
            }
            if (month.getMonthValue() % 6 == 0 || month.equals(last)) {
                add(owed, SummaryKind.HALF_YEAR_REVIEW,
                        month.getYear() + "-H" + (month.getMonthValue() <= 6 ? 1 : 2), month, until);
            }
        }
        LocalDate finalDue = plannedEnd.plusDays(finalSummaryDays);
        if (!finalDue.isAfter(until)) {
            owed.add(new Obligation(SummaryKind.FINAL_SUMMARY, Integer.toString(plannedEnd.getYear()), finalDue));
        }
        owed.sort((a, b) -> a.dueOn().compareTo(b.dueOn()));
        return owed;
    }

    /** The due date of a period's summary, for one whose period ends with {@code lastMonth}. */
    public LocalDate dueOn(YearMonth lastMonth) {
        return lastMonth.plusMonths(1).atDay(dueDayOfMonth);
    }

    private void add(List<Obligation> owed, SummaryKind kind, String period, YearMonth lastMonth, LocalDate until) {
        LocalDate due = dueOn(lastMonth);
        if (!due.isAfter(until)) {
            owed.add(new Obligation(kind, period, due));
        }
    }
}
