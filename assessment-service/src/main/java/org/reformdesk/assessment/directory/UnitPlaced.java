package org.reformdesk.assessment.directory;

import org.reformdesk.events.AssessmentCategory;

import java.util.UUID;

/**
 * The directory placed a unit in an assessment category, or in none (a reform office is not assessed). Fired in the
 * transaction that stored the change, for the rankings to follow it there.
 *
 * @param before   the category the unit was in; null for a unit new to the directory or ranked in none
 * @param category the category it is in now; null if it is ranked in none
 */
public record UnitPlaced(UUID unitId, AssessmentCategory before, AssessmentCategory category) {
}
