package org.reformdesk.pilot.summaries;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryCalendarTest {

    private final SummaryCalendar calendar = new SummaryCalendar(5, 30);

    @Test
    void aMonthsSummaryFallsDueOnTheDueDayOfTheNextMonth() {
        List<SummaryCalendar.Obligation> owed = calendar.dueBy(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 2, 5));

        assertThat(owed).containsExactly(
                new SummaryCalendar.Obligation(SummaryKind.MONTHLY_SUMMARY, "2026-01", LocalDate.of(2026, 2, 5)));
    }

    @Test
    void aQuarterAndAHalfYearAddTheirAnalysisAndReview() {
        List<SummaryCalendar.Obligation> owed = calendar.dueBy(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 7, 5));

        assertThat(owed).filteredOn(o -> o.kind() == SummaryKind.MONTHLY_SUMMARY).hasSize(6);
        assertThat(owed).filteredOn(o -> o.kind() == SummaryKind.QUARTERLY_ANALYSIS)
                .extracting(SummaryCalendar.Obligation::period).containsExactly("2026-Q1", "2026-Q2");
        assertThat(owed).filteredOn(o -> o.kind() == SummaryKind.HALF_YEAR_REVIEW)
                .containsExactly(new SummaryCalendar.Obligation(SummaryKind.HALF_YEAR_REVIEW, "2026-H1",
                        LocalDate.of(2026, 7, 5)));
    }

    @Test
    void theFinalSummaryIsOwedOnceAfterThePlannedEnd() {
        List<SummaryCalendar.Obligation> before = calendar.dueBy(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 15),
                LocalDate.of(2026, 12, 14));
        List<SummaryCalendar.Obligation> after = calendar.dueBy(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 15),
                LocalDate.of(2026, 12, 15));

        assertThat(before).noneMatch(o -> o.kind() == SummaryKind.FINAL_SUMMARY);
        assertThat(after).filteredOn(o -> o.kind() == SummaryKind.FINAL_SUMMARY)
                .containsExactly(new SummaryCalendar.Obligation(SummaryKind.FINAL_SUMMARY, "2026",
                        LocalDate.of(2026, 12, 15)));
    }

    @Test
    void aPilotEndingMidQuarterOwesThatQuartersAnalysisAfterItsLastMonth() {
        List<SummaryCalendar.Obligation> owed = calendar.dueBy(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 20),
                LocalDate.of(2026, 6, 5));

        assertThat(owed).extracting(SummaryCalendar.Obligation::period)
                .containsExactlyInAnyOrder("2026-04", "2026-05", "2026-Q2", "2026-H1");
    }

    @Test
    void nothingIsOwedBeforeTheFirstDueDay() {
        assertThat(calendar.dueBy(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1), LocalDate.of(2026, 4, 4)))
                .isEmpty();
    }

    @Test
    void aDueDayThatSomeMonthsLackIsRefused() {
        assertThatThrownBy(() -> new SummaryCalendar(31, 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
