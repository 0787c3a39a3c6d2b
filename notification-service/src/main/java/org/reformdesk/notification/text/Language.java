package org.reformdesk.notification.text;

import java.util.Locale;

/** The languages reminders are written in: zh-CN first, English for those who ask for it. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The language for a person's BCP 47 tag: any English (en, en-GB) is English, everything else zh-CN. */
    public static Language forTag(String tag) {
        if (tag != null && Locale.forLanguageTag(tag.trim()).getLanguage().equals("en")) {
            return EN;
        }
        return ZH_CN;
    }
}
