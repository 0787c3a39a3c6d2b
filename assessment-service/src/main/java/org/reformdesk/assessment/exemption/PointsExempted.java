package org.reformdesk.assessment.exemption;

import java.util.List;
import java.util.UUID;

/**
 * An exemption stopped some of a unit's recorded points counting. Fired in the transaction that granted it, for the
 * months those points were in to be re-scored and re-ranked there.
 *
 * @param months the months of the points, each once, oldest first; empty if none were recorded yet
 */
public record PointsExempted(UUID unitId, List<String> months) {
}
