package org.reformdesk.assessment.yearend;

import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.SchemeDefinition;
import org.reformdesk.assessment.scheme.Schemes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class YearEndGradingTest {

    private static final List<SchemeDefinition.Weighted> INDICATORS = Schemes.indicators("-2");
    private static final SchemeDefinition.YearEnd HALF_AND_HALF = new SchemeDefinition.YearEnd(new BigDecimal("50"),
            new BigDecimal("90"), new BigDecimal("60"), null);

    @Test
    void monthlyScoresCountHalfAndTheYearEndAssessmentTheOtherHalf() {
        UUID unit = UUID.randomUUID();
        // assessor score weighs 20, democratic evaluation 10: (20 * 80 + 10 * 90) / 30 = 83.33
        List<YearEndGrading.Result> results = YearEndGrading.grade(INDICATORS, HALF_AND_HALF, List.of(
                new YearEndGrading.UnitYear(unit, List.of(new BigDecimal("98"), new BigDecimal("96")),
                        Map.of(Indicator.ASSESSOR_SCORE, new BigDecimal("80"),
                                Indicator.DEMOCRATIC_EVALUATION, new BigDecimal("90")))));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.monthlyAverage()).isEqualByComparingTo("97");
            assertThat(r.assessment()).isEqualByComparingTo("83.33");
            assertThat(r.composite()).isEqualByComparingTo("90.17");
            assertThat(r.grade()).isEqualTo(Grade.EXCELLENT);
            assertThat(r.missing()).isEmpty();
        });
    }

    @Test
    void aMissingYearEndScoreCountsNothingAndIsNamed() {
        List<YearEndGrading.Result> results = YearEndGrading.grade(INDICATORS, HALF_AND_HALF, List.of(
                new YearEndGrading.UnitYear(UUID.randomUUID(), List.of(new BigDecimal("100")),
                        Map.of(Indicator.ASSESSOR_SCORE, new BigDecimal("60")))));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.assessment()).isEqualByComparingTo("40");
            assertThat(r.composite()).isEqualByComparingTo("70");
            assertThat(r.grade()).isEqualTo(Grade.COMPLETED);
            assertThat(r.missing()).containsExactly(Indicator.DEMOCRATIC_EVALUATION);
        });
    }

    @Test
    void theQuotaCapsExcellentBestFirstAndATieAtTheCutFallsTogether() {
        SchemeDefinition.YearEnd capped = new SchemeDefinition.YearEnd(new BigDecimal("50"), new BigDecimal("90"),
                new BigDecimal("60"), new BigDecimal("50"));
        Map<Indicator, BigDecimal> full = Map.of(Indicator.ASSESSOR_SCORE, new BigDecimal("100"),
                Indicator.DEMOCRATIC_EVALUATION, new BigDecimal("100"));
        UUID best = UUID.randomUUID();
        UUID tiedOne = UUID.randomUUID();
        UUID tiedTwo = UUID.randomUUID();
        UUID last = UUID.randomUUID();

        List<YearEndGrading.Result> results = YearEndGrading.grade(INDICATORS, capped, List.of(
                new YearEndGrading.UnitYear(best, List.of(new BigDecimal("100")), full),
                new YearEndGrading.UnitYear(tiedOne, List.of(new BigDecimal("96")), full),
                new YearEndGrading.UnitYear(tiedTwo, List.of(new BigDecimal("96")), full),
                new YearEndGrading.UnitYear(last, List.of(new BigDecimal("20")), Map.of())));

        assertThat(results).extracting(YearEndGrading.Result::unitId, YearEndGrading.Result::rank,
                YearEndGrading.Result::grade).containsExactly(
                org.assertj.core.groups.Tuple.tuple(best, 1, Grade.EXCELLENT),
                org.assertj.core.groups.Tuple.tuple(tiedOne, 2, Grade.COMPLETED),
                org.assertj.core.groups.Tuple.tuple(tiedTwo, 2, Grade.COMPLETED),
                org.assertj.core.groups.Tuple.tuple(last, 4, Grade.NOT_COMPLETED));
    }
}
