package org.reformdesk.pilot.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies the pilot ledger accepts. */
final class PilotRequests {

    private PilotRequests() {
    }

    /** A pilot entered into the ledger; it starts as a candidate (试点线索). */
    public record NewPilot(
            @NotBlank @Size(max = 500) String name,
            @NotNull PilotLevel level,
            @Size(max = 200) String grantedBy,
            @Size(max = 50) String policyArea,
            @NotNull UUID leadUnitId,
            UUID leadLeaderId,
            @Size(max = 100) String leadLeaderName,
            @Size(max = 200) String planReference,
            LocalDate planApprovedOn,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> workingTeam,
            LocalDate startsOn,
            LocalDate plannedEndOn,
            @Size(max = 200) List<@NotNull UUID> linkedTaskIds) {
    }

    /** A move in the pilot's life; a reason is required to exit or to send a pilot back from acceptance. */
    public record Move(@NotNull PilotStatus status, @Size(max = 2000) String reason) {
    }

    /** 动态调整: only the fields given change; the reason goes into the history. */
    public record Adjustment(
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 500) String name,
            @Size(max = 200) String grantedBy,
            @Size(max = 50) String policyArea,
            UUID leadLeaderId,
            @Size(max = 100) String leadLeaderName,
            @Size(max = 200) String planReference,
            LocalDate planApprovedOn,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> workingTeam,
            LocalDate startsOn,
            LocalDate plannedEndOn,
            @Size(max = 200) List<@NotNull UUID> linkedTaskIds) {
    }

    /** The signed responsibility letter (包联责任书). */
    public record Letter(@NotBlank @Size(max = 100) String signedBy, @NotNull LocalDate signedOn,
            @NotBlank @Size(max = 500) String document) {
    }
}
