package org.reformdesk.platform.sweep;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalTableTest {

    private record Occasion(UUID task, String milestone, LocalDate dueOn, int offset) {
    }

    private static final SignalTable<Occasion> SIGNALS = SignalTable.of("deadline_signal",
            SignalTable.uuid("task_id", Occasion::task), SignalTable.text("milestone", Occasion::milestone),
            SignalTable.date("deadline", Occasion::dueOn), SignalTable.integer("offset_days", Occasion::offset));

    @Test
    void occasionsGoColumnByColumnInTheirOrderAsText() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<String[]> parameters = SIGNALS.parameters(List.of(
                new Occasion(first, "出台方案", LocalDate.of(2026, 3, 31), 7),
                new Occasion(second, "", LocalDate.of(2026, 4, 1), 0)));

        assertThat(parameters).containsExactly(
                new String[] {first.toString(), second.toString()},
                new String[] {"出台方案", ""},
                new String[] {"2026-03-31", "2026-04-01"},
                new String[] {"7", "0"});
    }

    @Test
    void theClaimTakesAnArrayAColumnThenTheTimeAndSkipsTakenKeys() {
        String statement = SIGNALS.claimStatement();

        assertThat(statement.chars().filter(c -> c == '?').count()).isEqualTo(SIGNALS.columns().size() + 1);
        assertThat(statement).containsSubsequence("CAST(? AS uuid[])", "CAST(? AS text[])", "CAST(? AS date[])",
                "CAST(? AS integer[])", "INSERT INTO deadline_signal (task_id, milestone, deadline, offset_days, "
                        + "signalled_at)", "CAST(? AS timestamptz)", "ON CONFLICT DO NOTHING");
    }

    @Test
    void aTableWithoutColumnsIsRefused() {
        assertThatThrownBy(() -> SignalTable.of("deadline_signal")).isInstanceOf(IllegalArgumentException.class);
    }
}
