package org.reformdesk.inspection.calendar;

import org.junit.jupiter.api.Test;
import org.reformdesk.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class YearScheduleTest {

    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    private static final LocalDate SPRING_FESTIVAL_SUNDAY = LocalDate.of(2027, 2, 7);

    @Test
    void aScheduleListsItsHolidaysAndMakeUpDaysInDateOrder() {
        YearSchedule schedule = YearSchedule.of(2027, List.of(LocalDate.of(2027, 2, 8), NEW_YEAR),
                List.of(SPRING_FESTIVAL_SUNDAY));

        assertThat(schedule.holidays()).containsExactly(NEW_YEAR, LocalDate.of(2027, 2, 8));
        assertThat(schedule.workingDays()).containsExactly(SPRING_FESTIVAL_SUNDAY);
        assertThat(schedule.days().firstKey()).isEqualTo(NEW_YEAR);
    }

    @Test
    void everyBadEntryIsNamedAndTheScheduleRefusedWhole() {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> YearSchedule.of(2027,
                List.of(NEW_YEAR, LocalDate.of(2028, 1, 1), NEW_YEAR, SPRING_FESTIVAL_SUNDAY),
                List.of(LocalDate.of(2027, 2, 8), SPRING_FESTIVAL_SUNDAY)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(e -> e.field() + " " + e.message()).containsExactlyInAnyOrder(
                "holidays[1] 2028-01-01 is not in 2027",
                "holidays[2] 2027-01-01 is listed twice (also holidays[0])",
                "workingDays[0] 2027-02-08 is a MONDAY; a make-up working day (调休上班) falls on a Saturday or Sunday",
                "workingDays[1] 2027-02-07 is also listed as a holiday (holidays[3])");
    }

    @Test
    void aYearOfHolidaysIsNoSchedule() {
        List<LocalDate> everyDayOfSpring = LocalDate.of(2027, 3, 1).datesUntil(LocalDate.of(2027, 6, 1)).toList();

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> YearSchedule.of(2027, everyDayOfSpring, List.of()));

        assertThat(refused.errors()).extracting(e -> e.field()).containsExactly("holidays");
    }

    @Test
    void anEmptyScheduleIsTheWeekdayRule() {
        YearSchedule schedule = YearSchedule.of(2027, Collections.emptyList(), Collections.emptyList());

        assertThat(schedule.days()).isEmpty();
    }
}
