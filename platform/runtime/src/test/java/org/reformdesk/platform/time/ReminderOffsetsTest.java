package org.reformdesk.platform.time;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderOffsetsTest {

    private final ReminderOffsets offsets = new ReminderOffsets(List.of(1, 7, 3));

    @Test
    void eachDayLeftFallsInTheBandOfTheSmallestOffsetNotBelowIt() {
        assertThat(offsets.offsetFor(8)).isEmpty();
        assertThat(offsets.offsetFor(7)).isEqualTo(Optional.of(7));
        assertThat(offsets.offsetFor(4)).isEqualTo(Optional.of(7));
        assertThat(offsets.offsetFor(3)).isEqualTo(Optional.of(3));
        assertThat(offsets.offsetFor(2)).isEqualTo(Optional.of(3));
        assertThat(offsets.offsetFor(1)).isEqualTo(Optional.of(1));
        assertThat(offsets.offsetFor(0)).isEqualTo(Optional.of(1));
        assertThat(offsets.offsetFor(-1)).isEmpty();
    }

    @Test
    void theBandsCoverEveryDayFromTheDueDateToTheLargestOffsetOnce() {
        assertThat(offsets.bands()).containsExactly(new ReminderOffsets.Band(1, 0, 1), new ReminderOffsets.Band(3, 2, 3),
                new ReminderOffsets.Band(7, 4, 7));
        assertThat(offsets.window()).isEqualTo(7);
    }

    @Test
    void offsetsMustBeDaysOfZeroOrMore() {
        assertThatThrownBy(() -> new ReminderOffsets(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderOffsets(List.of(3, -1))).isInstanceOf(IllegalArgumentException.class);
    }
}
