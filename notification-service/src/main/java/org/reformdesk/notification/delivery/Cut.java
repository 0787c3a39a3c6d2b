package org.reformdesk.notification.delivery;

import java.nio.charset.StandardCharsets;

/** Texts cut to a vendor's limit with an ellipsis, never inside a character. */
final class Cut {

    private static final String ELLIPSIS = "…";

    private Cut() {
    }

    /** At most {@code max} characters (code points), as SMS template variables count. */
    static String toCharacters(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }

    /** At most {@code maxBytes} bytes of UTF-8, as the work messengers count. */
    static String toBytes(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            int size = new String(Character.toChars(point)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(point);
            used += size;
            i += Character.charCount(point);
        }
        return kept.append(ELLIPSIS).toString();
    }
}
