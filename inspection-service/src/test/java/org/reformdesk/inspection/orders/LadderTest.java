package org.reformdesk.inspection.orders;

import org.junit.jupiter.api.Test;
import org.reformdesk.events.Rung;
import org.reformdesk.inspection.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LadderTest {

    private final Ladder ladder = new Ladder(List.of(5, 5, 3, 3));

    @Test
    void theLadderClimbsFromReminderToRectificationOrderAndStops() {
        assertThat(ladder.first()).isEqualTo(Rung.REMINDER_NOTICE);
        assertThat(ladder.above(Rung.REMINDER_NOTICE)).contains(Rung.ASSIGNMENT_NOTICE);
        assertThat(ladder.above(Rung.ASSIGNMENT_NOTICE)).contains(Rung.URGING_NOTICE);
        assertThat(ladder.above(Rung.URGING_NOTICE)).contains(Rung.RECTIFICATION_ORDER);
        assertThat(ladder.above(Rung.RECTIFICATION_ORDER)).isEmpty();
    }

    @Test
    void eachRungHasItsOwnReplyByDays() {
        LocalDate issued = LocalDate.of(2026, 3, 2);
        assertThat(ladder.replyBy(Rung.REMINDER_NOTICE, issued)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(ladder.replyBy(Rung.URGING_NOTICE, issued)).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void aLadderWithoutDaysForEveryRungIsRefused() {
        assertThatThrownBy(() -> new Ladder(List.of(5, 5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(List.of(5, 0, 3, 3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        Ladder working = new Ladder(List.of(5, 5, 3, 3), DayCount.WORKING);
        LocalDate friday = LocalDate.of(2027, 3, 5);
        assertThat(working.replyBy(Rung.REMINDER_NOTICE, friday, WorkingCalendar.WEEKDAYS))
                .isEqualTo(LocalDate.of(2027, 3, 12));
        WorkingCalendar holiday = new WorkingCalendar(Map.of(LocalDate.of(2027, 3, 8), false));
        assertThat(working.replyBy(Rung.URGING_NOTICE, friday, holiday)).isEqualTo(LocalDate.of(2027, 3, 11));
    }

    @Test
    void aFrozenLadderThawsToTheSameLadder() {
        Ladder frozen = new Ladder(List.of(7, 5, 3, 2), DayCount.WORKING);
        Ladder thawed = Ladder.thawed(frozen.frozen(), frozen.dayCount());
        assertThat(thawed.frozen()).isEqualTo("7,5,3,2");
        assertThat(thawed.replyBy(Rung.RECTIFICATION_ORDER, LocalDate.of(2027, 3, 1), WorkingCalendar.WEEKDAYS))
                .isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(thawed.isTop(Rung.RECTIFICATION_ORDER)).isTrue();
    }
}
