package org.reformdesk.console.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRowsTest {

    /** As task-service writes them: an approval as a change of the field deadline, taken before the task's moved. */
    private static Map<String, Object> entry(String action, String actor, String previous, String deadline) {
        return action.startsWith("EXTENSION")
                ? Map.of("action", action, "actor", actor, "previousDeadline", previous, "deadline", previous,
                        "field", "deadline", "oldValue", previous, "newValue", deadline)
                : Map.of("action", action, "actor", actor, "previousDeadline", previous, "deadline", deadline);
    }

    @Test
    void anApprovedExtensionIsOneRowWhicheverOrderTheHistoryComesIn() {
        Map<String, Object> approved = entry("EXTENSION_APPROVED", "office", "2026-12-17", "2027-01-16");
        Map<String, Object> adjusted = entry("DEADLINE_CHANGED", "office", "2026-12-17", "2027-01-16");
        Map<String, Object> asked = entry("EXTENSION_REQUESTED", "wuhua", "2026-12-17", "2027-01-16");

        assertThat(HistoryRows.of(List.of(asked, approved, adjusted))).containsExactly(asked, approved);
        assertThat(HistoryRows.of(List.of(adjusted, approved, asked))).containsExactly(approved, asked);
    }

    @Test
    void aDeadlineTheOfficeChangedItselfStaysItsOwnRow() {
        Map<String, Object> approved = entry("EXTENSION_APPROVED", "office", "2026-12-17", "2027-01-16");
        Map<String, Object> later = entry("DEADLINE_CHANGED", "office", "2027-01-16", "2027-02-01");
        Map<String, Object> alone = entry("DEADLINE_CHANGED", "office", "2026-11-01", "2026-12-17");

        assertThat(HistoryRows.of(List.of(alone, approved, later))).containsExactly(alone, approved, later);
    }
}
