package org.reformdesk.inspection.inspections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RectificationStateTest {

    @Test
    void aReportedRectificationIsVerifiedOrReopened() {
        RectificationState reported = RectificationState.RECTIFYING.afterReport();
        assertThat(reported).isEqualTo(RectificationState.REPORTED);
        assertThat(reported.afterReInspection(ReInspectionOutcome.VERIFIED)).isEqualTo(RectificationState.VERIFIED);
        assertThat(reported.afterReInspection(ReInspectionOutcome.REOPENED)).isEqualTo(RectificationState.RECTIFYING);
    }

    @Test
    void nothingIsReInspectedBeforeTheUnitReports() {
        assertThatThrownBy(() -> RectificationState.RECTIFYING.afterReInspection(ReInspectionOutcome.VERIFIED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aVerifiedItemIsClosedForReportsAndNoLongerLate() {
        assertThatThrownBy(RectificationState.VERIFIED::afterReport).isInstanceOf(IllegalStateException.class);
        assertThat(RectificationState.VERIFIED.isOpen()).isFalse();
        assertThat(RectificationState.REPORTED.isOpen()).isTrue();
    }
}
