package org.reformdesk.events;

import java.util.UUID;

/**
 * A person was registered in the directory or their details changed; the latest record per person is their
 * current state. {@code post} is HEAD (一把手), DEPUTY (分管领导), LIAISON (联络员), INFORMATION_OFFICER (信息员)
 * or LEADER (市领导/县级领导); {@code language} a BCP 47 tag such as zh-CN or en; {@code username} the login name
 * their tokens carry as {@code preferred_username}, by which each service finds the person behind a caller (null
 * for a person without a login, and in events from before logins were recorded); {@code wecomUserId} and
 * {@code dingtalkUserId} the person's account in the city's 企业微信 (政务微信) and 钉钉 (政务钉钉), where it has them.
 */
public record PersonChanged(UUID personId, String name, UUID unitId, String post, String phone, String email,
        String language, String username, String wecomUserId, String dingtalkUserId) implements ReformEvent {

    /** A person without a login, unknown to the work messengers. */
    public static PersonChanged of(UUID personId, String name, UUID unitId, String post, String phone, String email,
            String language) {
        return of(personId, name, unitId, post, phone, email, language, null);
    }

    /** A person the work messengers do not know. */
    public static PersonChanged of(UUID personId, String name, UUID unitId, String post, String phone, String email,
            String language, String username) {
        return new PersonChanged(personId, name, unitId, post, phone, email, language, username, null, null);
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
