package org.reformdesk.task.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The monthly reporting rule (牵头部门每月向改革办汇报一次): the report for a month is due by its report day; a task
 * owes reports from the first full month after it was handed out, so one assigned on the 24th is not late on the
 * 26th.
 */
record ReportCalendar(int reportDay) {

    public ReportCalendar {
        if (reportDay < 1 || reportDay > 31) {
            throw new IllegalArgumentException("The report day must be a day of the month: " + reportDay);
        }
    }

    public LocalDate dueOn(YearMonth period) {
        return period.atDay(Math.min(reportDay, period.lengthOfMonth()));
    }

    /** The latest period whose report day has passed on {@code today}. */
    public YearMonth lastDuePeriod(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        return today.isAfter(dueOn(current)) ? current : current.minusMonths(1);
    }

    /** The period whose report falls due next on {@code today}: this month's until its report day, then next month's. */
    public YearMonth nextDuePeriod(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        return today.isAfter(dueOn(current)) ? current.plusMonths(1) : current;
    }

    public boolean isLate(YearMonth period, LocalDate reportedOn) {
        return reportedOn.isAfter(dueOn(period));
    }

    /** Whether a task handed out on {@code assignedOn} owes a report for {@code period}. */
    public static boolean owes(LocalDate assignedOn, YearMonth period) {
        return assignedOn != null && assignedOn.isBefore(period.atDay(1));
    }
}
