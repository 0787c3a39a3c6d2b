package org.reformdesk.inspection.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    /** 2026's National Day week as an office would load it: 1–7 October off, Saturday 10 October worked (调休). */
    private final WorkingCalendar nationalDay = new WorkingCalendar(Map.of(
            LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 5), false,
            LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7), false, LocalDate.of(2026, 10, 10), true));

    @Test
    void weekendsAreOffAndWeekdaysAreWorkedByDefault() {
        assertThat(WorkingCalendar.WEEKDAYS.isWorkingDay(LocalDate.of(2027, 3, 5))).isTrue();
        assertThat(WorkingCalendar.WEEKDAYS.isWorkingDay(LocalDate.of(2027, 3, 6))).isFalse();
        assertThat(WorkingCalendar.WEEKDAYS.plusWorkingDays(LocalDate.of(2027, 3, 5), 1))
                .isEqualTo(LocalDate.of(2027, 3, 8));
    }

    @Test
    void holidaysAreSkippedAndMakeUpSaturdaysCount() {
        assertThat(nationalDay.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(nationalDay.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        // From Wednesday 30 September: 8th, 9th, Saturday 10th, 12th, 13th.
        assertThat(nationalDay.plusWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void zeroWorkingDaysIsTheSameDay() {
        assertThat(nationalDay.plusWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
    }
}
