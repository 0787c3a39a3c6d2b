package org.reformdesk.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/**
 * The language a caller asked for in its Accept-Language, among those the services answer in ({@code quarkus.locales}),
 * chosen as Quarkus' locale resolver chooses Hibernate Validator's: so a validation problem's title speaks the language
 * of its field messages. English when the caller asks for none of them.
 */
final class CallerLanguage {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final List<Locale> SPOKEN = List.of(ENGLISH, CHINESE);

    private CallerLanguage() {
    }

    static Locale of(HttpHeaders headers) {
        return headers == null ? ENGLISH : of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            List<Locale> asked = Locale.filter(Locale.LanguageRange.parse(acceptLanguage), SPOKEN);
            return asked.isEmpty() ? ENGLISH : asked.get(0);
        } catch (IllegalArgumentException unreadable) {
            return ENGLISH;
        }
    }
}
