package org.reformdesk.pilot.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A pilot as the ledger shows it. */
record PilotView(UUID id, String name, PilotLevel level, String grantedBy, String policyArea,
        UUID leadUnitId, UUID leadLeaderId, String leadLeaderName, String planReference, LocalDate planApprovedOn,
        List<String> workingTeam, LocalDate startsOn, LocalDate plannedEndOn, List<UUID> linkedTaskIds,
        Letter responsibilityLetter, PilotStatus status, String exitReason, Instant createdAt, Instant updatedAt) {

    /** The signed responsibility letter (包联责任书), or null if none is recorded. */
    public record Letter(String signedBy, LocalDate signedOn, String document) {
    }

    public static PilotView of(Pilot pilot) {
        Letter letter = pilot.letterSignedBy == null ? null
                : new Letter(pilot.letterSignedBy, pilot.letterSignedOn, pilot.letterDocument);
        return new PilotView(pilot.id, pilot.name, pilot.level, pilot.grantedBy, pilot.policyArea, pilot.leadUnitId,
                pilot.leadLeaderId, pilot.leadLeaderName, pilot.planReference, pilot.planApprovedOn,
                List.copyOf(pilot.workingTeam), pilot.startsOn, pilot.plannedEndOn, List.copyOf(pilot.linkedTaskIds),
                letter, pilot.status, pilot.exitReason, pilot.createdAt, pilot.updatedAt);
    }
}
