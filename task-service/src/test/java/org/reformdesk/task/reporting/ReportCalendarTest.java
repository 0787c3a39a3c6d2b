package org.reformdesk.task.reporting;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCalendarTest {

    private final ReportCalendar calendar = new ReportCalendar(25);

    @Test
    void theMonthsReportIsDueOnTheReportDayAndLateAfterIt() {
        YearMonth june = YearMonth.of(2026, 6);
        assertThat(calendar.dueOn(june)).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(calendar.isLate(june, LocalDate.of(2026, 6, 25))).isFalse();
        assertThat(calendar.isLate(june, LocalDate.of(2026, 6, 26))).isTrue();
    }

    @Test
    void theLastDuePeriodTurnsOverTheDayAfterTheReportDay() {
        assertThat(calendar.lastDuePeriod(LocalDate.of(2026, 6, 25))).isEqualTo(YearMonth.of(2026, 5));
        assertThat(calendar.lastDuePeriod(LocalDate.of(2026, 6, 26))).isEqualTo(YearMonth.of(2026, 6));
        assertThat(calendar.lastDuePeriod(LocalDate.of(2026, 1, 3))).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void aReportDayBeyondAShortMonthFallsOnItsLastDay() {
        assertThat(new ReportCalendar(31).dueOn(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aTaskOwesReportsFromTheFirstFullMonthAfterItWasHandedOut() {
        assertThat(ReportCalendar.owes(LocalDate.of(2026, 6, 24), YearMonth.of(2026, 6))).isFalse();
        assertThat(ReportCalendar.owes(LocalDate.of(2026, 6, 24), YearMonth.of(2026, 7))).isTrue();
        assertThat(ReportCalendar.owes(null, YearMonth.of(2026, 7))).isFalse();
    }
}
