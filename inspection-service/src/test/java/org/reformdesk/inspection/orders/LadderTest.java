package org.reformdesk.inspection.orders;

import org.junit.jupiter.api.Test;
import org.reformdesk.events.Rung;

import java.time.LocalDate;
import java.util.List;

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
}
