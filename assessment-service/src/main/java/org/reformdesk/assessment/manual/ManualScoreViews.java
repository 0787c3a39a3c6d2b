package org.reformdesk.assessment.manual;

import org.reformdesk.assessment.scheme.Indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** How a manual score is shown: on its own, and among the points of a unit's score card. */
public final class ManualScoreViews {

    private ManualScoreViews() {
    }

    public record ManualScoreView(UUID id, UUID unitId, Indicator kind, String period, BigDecimal score, String note,
            String enteredBy, Instant enteredAt) {

        public static ManualScoreView of(ManualScore s) {
            return new ManualScoreView(s.id, s.unitId, s.kind, s.period, s.score, s.note, s.enteredBy, s.enteredAt);
        }
    }
}
