package org.reformdesk.notification.rules;

/** How a reminder reaches a person. */
public enum Channel {
    /** The in-app inbox: always there, read by the mobile app and its live stream. */
    INBOX,
    /** 温馨短信 through an SMS gateway. */
    SMS,
    EMAIL,
    /** Mobile push (FCM HTTP v1 shape). */
    PUSH;

    /** SMS and push wake people up; they wait out the quiet hours, the inbox and e-mail do not. */
    public boolean respectsQuietHours() {
        return this == SMS || this == PUSH;
    }
}
