package org.reformdesk.events;

import java.util.UUID;

/** A unit was registered or its details changed; the latest record per unit is its current state. */
public record UnitChanged(UUID unitId, String code, String name, AssessmentCategory category, UnitKind kind)
        implements ReformEvent {

    public static UnitChanged of(UUID unitId, String code, String name, AssessmentCategory category, UnitKind kind) {
        return new UnitChanged(unitId, code, name, category, kind);
    }

    @Override
    public EventType type() {
        return EventType.UNIT_CHANGED;
    }

    @Override
    public String subject() {
        return unitId.toString();
    }
}
