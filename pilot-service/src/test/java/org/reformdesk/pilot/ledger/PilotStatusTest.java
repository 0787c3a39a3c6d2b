package org.reformdesk.pilot.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PilotStatusTest {

    @Test
    void aPilotMovesFromCandidacyThroughAcceptanceToCompletion() {
        assertThat(PilotStatus.CANDIDATE.canMoveTo(PilotStatus.APPROVED)).isTrue();
        assertThat(PilotStatus.APPROVED.canMoveTo(PilotStatus.IN_PROGRESS)).isTrue();
        assertThat(PilotStatus.IN_PROGRESS.canMoveTo(PilotStatus.ACCEPTANCE)).isTrue();
        assertThat(PilotStatus.ACCEPTANCE.canMoveTo(PilotStatus.COMPLETED)).isTrue();
    }

    @Test
    void acceptanceCanSendAPilotBackToWork() {
        assertThat(PilotStatus.ACCEPTANCE.canMoveTo(PilotStatus.IN_PROGRESS)).isTrue();
    }

    @Test
    void stagesCannotBeSkippedNorEndedPilotsReopened() {
        assertThat(PilotStatus.CANDIDATE.canMoveTo(PilotStatus.IN_PROGRESS)).isFalse();
        assertThat(PilotStatus.IN_PROGRESS.canMoveTo(PilotStatus.COMPLETED)).isFalse();
        assertThat(PilotStatus.COMPLETED.next()).isEmpty();
        assertThat(PilotStatus.EXITED.next()).isEmpty();
    }

    @Test
    void everyStageBeforeCompletionCanExit() {
        for (PilotStatus status : new PilotStatus[] {PilotStatus.CANDIDATE, PilotStatus.APPROVED,
                PilotStatus.IN_PROGRESS, PilotStatus.ACCEPTANCE}) {
            assertThat(status.canMoveTo(PilotStatus.EXITED)).isTrue();
        }
    }

    @Test
    void onlyRunningPilotsOweSummaries() {
        assertThat(PilotStatus.IN_PROGRESS.owesSummaries()).isTrue();
        assertThat(PilotStatus.ACCEPTANCE.owesSummaries()).isTrue();
        assertThat(PilotStatus.APPROVED.owesSummaries()).isFalse();
        assertThat(PilotStatus.COMPLETED.owesSummaries()).isFalse();
    }
}
