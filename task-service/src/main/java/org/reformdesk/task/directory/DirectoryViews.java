package org.reformdesk.task.directory;

import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitKind;

import java.util.List;
import java.util.UUID;

/** What the directory answers. */
final class DirectoryViews {

    private DirectoryViews() {
    }

    public record UnitView(UUID id, String code, String name, AssessmentCategory category, UnitKind kind) {

        static UnitView of(Unit unit) {
            return new UnitView(unit.id, unit.code, unit.name, unit.category, unit.kind);
        }
    }

    /** A person; {@code username} is their login name, null for someone who never logs in. */
    public record PersonView(UUID id, String name, UUID unitId, Post post, String phone, String email,
            String language, String username, String wecomUserId, String dingtalkUserId, boolean removed) {

        static PersonView of(Person person) {
            return new PersonView(person.id, person.name, person.unitId, person.post, person.phone, person.email,
                    person.language, person.username, person.wecomUserId, person.dingtalkUserId,
                    person.removedAt != null);
        }
    }

    public record GroupView(UUID id, String name, UUID headPersonId, UUID liaisonUnitId, List<UUID> memberUnitIds) {

        static GroupView of(SpecialGroup group) {
            return new GroupView(group.id, group.name, group.headPersonId, group.liaisonUnitId,
                    List.copyOf(group.memberUnitIds));
        }
    }
}
