package org.reformdesk.events;

import java.util.UUID;

/**
 * A person was registered in the directory or their details changed; the latest record per person is their
 * current state. {@code post} is HEAD (一把手), DEPUTY (分管领导), LIAISON (联络员), INFORMATION_OFFICER (信息员)
 * or LEADER (市领导/县级领导); {@code language} a BCP 47 tag such as zh-CN or en.
 */
public record PersonChanged(UUID personId, String name, UUID unitId, String post, String phone, String email,
        String language) implements ReformEvent {

    public static PersonChanged of(UUID personId, String name, UUID unitId, String post, String phone, String email,
            String language) {
        return new PersonChanged(personId, name, unitId, post, phone, email, language);
    }

    @Override
    public EventType type() {
        return EventType.PERSON_CHANGED;
    }

    @Override
    public String subject() {
        return personId.toString();
    }
}
