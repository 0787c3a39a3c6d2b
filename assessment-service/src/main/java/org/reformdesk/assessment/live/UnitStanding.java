package org.reformdesk.assessment.live;

import org.reformdesk.events.AssessmentCategory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A unit's score and rank within its category for one month, live until the month is closed.
 *
 * @param rank null until the directory has told us the unit's category
 */
public record UnitStanding(UUID unitId, String month, AssessmentCategory category, BigDecimal score, Integer rank) {
}
