package org.reformdesk.notification.directory;

import java.util.UUID;

/**
 * How to reach a person: any of phone, e-mail and their WeCom and DingTalk accounts may be missing; the language
 * picks the reminder's words.
 */
public record Contact(UUID personId, String name, String phone, String email, String language, String wecomUserId,
        String dingtalkUserId) {
}
