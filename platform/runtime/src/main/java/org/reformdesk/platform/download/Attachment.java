package org.reformdesk.platform.download;

import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a download named in Chinese, as the office saves it; one way in every service. */
public final class Attachment {

    private Attachment() {
    }

    /**
     * An attachment saved as {@code name} by every browser (RFC 6266 {@code filename*}, UTF-8 per RFC 5987) and as
     * {@code fallback} by clients that read only {@code filename} (curl -J).
     */
    public static String disposition(String fallback, String name) {
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < fallback.length(); i++) {
            char c = fallback.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** An attachment saved as {@code name}; where a client reads only {@code filename}, its non-ASCII become "_". */
    public static String disposition(String name) {
        return disposition(name, name);
    }
}
