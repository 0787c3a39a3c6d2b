package org.reformdesk.notification.rules;

/** How a reminder reaches a person. */
public enum Channel {
    /** The in-app inbox: always there, read by the console and the mobile app and their live stream. */
    INBOX,
    /** 温馨短信 through Alibaba Cloud's SMS service. */
    SMS,
    EMAIL,
    /** The mobile app's push, through FCM HTTP v1, to every phone the person registered. */
    PUSH,
    /** The installed console's browser notifications (Web Push, VAPID), to every browser the person subscribed. */
    WEB_PUSH,
    /** 企业微信 (WeCom, 政务微信) application message. */
    WECOM,
    /** 钉钉 (DingTalk, 政务钉钉) message from the city's app. */
    DINGTALK;

    /** What wakes a phone waits out the quiet hours; the inbox and e-mail do not. */
    public boolean respectsQuietHours() {
        return this != INBOX && this != EMAIL;
    }
}
