package org.reformdesk.assessment.scheme;

import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.problem.Problem;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemeValidationTest {

    @Test
    void aSchemeWhoseCategoriesEachWeighOneHundredIsUsable() {
        assertThat(SchemeValidation.errors(Schemes.definition("-2"))).isEmpty();
    }

    @Test
    void weightsThatDoNotAddUpToOneHundredAreRefusedPerCategory() {
        SchemeDefinition scheme = Schemes.definition("-2");
        scheme.categories().get(AssessmentCategory.B).remove(5);

        assertThat(SchemeValidation.errors(scheme)).extracting(Problem.FieldError::field)
                .containsExactly("categories.B");
    }

    @Test
    void eachKindMustBeValuedAsItNeeds() {
        SchemeDefinition scheme = Schemes.definition("2");
        List<SchemeDefinition.Weighted> c = scheme.categories().get(AssessmentCategory.C);
        c.set(2, Schemes.weighted(Indicator.SUPERVISION_ORDERS, "督察落实", "10", null, List.of(BigDecimal.ONE)));
        c.set(4, Schemes.weighted(Indicator.ASSESSOR_SCORE, "考核小组评分", "20", BigDecimal.ONE, null));

        assertThat(SchemeValidation.errors(scheme)).extracting(Problem.FieldError::field).contains(
                "categories.A[0].points", "categories.C[2].rungPoints", "categories.C[4].points");
    }

    @Test
    void anIndicatorListedTwiceAndAMissingCategoryAreRefused() {
        SchemeDefinition scheme = Schemes.definition("-2");
        scheme.categories().remove(AssessmentCategory.A);
        List<SchemeDefinition.Weighted> b = scheme.categories().get(AssessmentCategory.B);
        b.set(1, Schemes.weighted(Indicator.OVERDUE_TASKS, "again", "20", BigDecimal.ONE.negate(), null));

        assertThat(SchemeValidation.errors(scheme)).extracting(Problem.FieldError::field)
                .contains("categories.A", "categories.B[1].indicator");
    }

    @Test
    void gradesNeedExcellentAboveCompleted() {
        SchemeDefinition scheme = new SchemeDefinition(Schemes.definition("-2").categories(),
                new SchemeDefinition.YearEnd(new BigDecimal("50"), new BigDecimal("50"), new BigDecimal("60"), null));

        assertThat(SchemeValidation.errors(scheme)).extracting(Problem.FieldError::field)
                .containsExactly("yearEnd.excellentFrom");
    }
}
