package org.reformdesk.assessment.directory;

import org.reformdesk.events.AssessmentCategory;

import java.time.Instant;
import java.util.UUID;

/**
 * The directory placed a unit in an assessment category, or in none (a reform office is not assessed), from
 * {@code from} on. Fired in the transaction that stored the placement, for the rankings of the months from then on to
 * follow it there; months before keep the unit where it was.
 *
 * @param category the category it is in from then on; null if it is ranked in none
 * @param from     when the placement took effect; null for a unit's first, which holds for every month before too
 */
public record UnitPlaced(UUID unitId, AssessmentCategory category, Instant from) {
}
