package org.reformdesk.assessment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a download named in Chinese, as the office saves it. */
public final class Attachment {

    private Attachment() {
    }

    /**
     * An attachment saved as {@code name} (RFC 6266 {@code filename*}, UTF-8 per RFC 5987) by every browser, and as the
     * ASCII {@code fallback} by clients that read only {@code filename}.
     */
    public static String disposition(String fallback, String name) {
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
