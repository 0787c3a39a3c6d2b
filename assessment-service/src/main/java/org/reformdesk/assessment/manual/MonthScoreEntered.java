package org.reformdesk.assessment.manual;

import java.util.UUID;

/**
 * A manual score for a month (not a year) was entered. Fired in the transaction that stored it, for the unit's live
 * score of that month to move there.
 */
public record MonthScoreEntered(UUID unitId, String month) {
}
