package org.reformdesk.notification.delivery;

import java.time.Duration;
import java.time.Instant;

/** A vendor's access token and when it stops working; it is renewed a margin before that. */
record AccessToken(String value, Instant expiresAt) {

    /** Whether it still works at {@code now} with {@code margin} to spare. */
    boolean freshAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }
}
