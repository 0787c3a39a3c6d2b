package org.reformdesk.events;

import java.util.List;
import java.util.UUID;

/**
 * A special group (专项小组) was set up or changed: its head, its liaison unit (the office that runs it) and
 * its member units. The latest record per group is its current state.
 */
public record GroupChanged(UUID groupId, String name, UUID headPersonId, UUID liaisonUnitId,
        List<UUID> memberUnitIds) implements ReformEvent {

    public static GroupChanged of(UUID groupId, String name, UUID headPersonId, UUID liaisonUnitId,
            List<UUID> memberUnitIds) {
        return new GroupChanged(groupId, name, headPersonId, liaisonUnitId, memberUnitIds);
    }

    @Override
    public EventType type() {
        return EventType.GROUP_CHANGED;
    }

    @Override
    public String subject() {
        return groupId.toString();
    }
}
