package org.reformdesk.events;

import java.util.UUID;

/** A reform pilot was entered into the pilot ledger. */
public record PilotRegistered(UUID pilotId, String name, String level, UUID leadUnitId) implements ReformEvent {

    public static PilotRegistered of(UUID pilotId, String name, String level, UUID leadUnitId) {
        return new PilotRegistered(pilotId, name, level, leadUnitId);
    }

    @Override
    public EventType type() {
        return EventType.PILOT_REGISTERED;
    }

    @Override
    public String subject() {
        return pilotId.toString();
    }
}
