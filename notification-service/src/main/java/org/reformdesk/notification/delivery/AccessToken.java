package org.reformdesk.notification.delivery;

import java.time.Duration;
import java.time.Instant;

/** A vendor's access token, when it was fetched and when it stops working; it is renewed a margin before that. */
record AccessToken(String value, Instant fetchedAt, Instant expiresAt) {

    /** A token that works for {@code lifetime} from {@code now}. */
    static AccessToken fetched(String value, Instant now, Duration lifetime) {
        return new AccessToken(value, now, now.plus(lifetime));
    }

    /**
     * Whether it still works at {@code now} with {@code margin} to spare. A clock moved back before the fetch (tests,
     * demos) makes it stale too: its lifetime was counted from a time that has not come.
     */
    boolean freshAt(Instant now, Duration margin) {
        return !now.isBefore(fetchedAt) && now.plus(margin).isBefore(expiresAt);
    }
}
