package org.reformdesk.events;

import java.util.UUID;

/**
 * A pilot moved in its life: approved, under way, in acceptance (总结验收), completed or exited (退出). Statuses
 * are CANDIDATE, APPROVED, IN_PROGRESS, ACCEPTANCE, COMPLETED, EXITED; {@code reason} is set for an exit.
 */
public record PilotStatusChanged(UUID pilotId, String name, UUID leadUnitId, UUID leadLeaderId, String from,
        String to, String reason) implements ReformEvent {

    public static PilotStatusChanged of(UUID pilotId, String name, UUID leadUnitId, UUID leadLeaderId, String from,
            String to, String reason) {
        return new PilotStatusChanged(pilotId, name, leadUnitId, leadLeaderId, from, to, reason);
    }

    @Override
    public EventType type() {
        return EventType.PILOT_STATUS_CHANGED;
    }

    @Override
    public String subject() {
        return pilotId.toString();
    }
}
