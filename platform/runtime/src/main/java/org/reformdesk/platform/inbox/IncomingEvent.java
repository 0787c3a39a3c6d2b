package org.reformdesk.platform.inbox;

import org.reformdesk.events.ReformEvent;

import java.time.Instant;
import java.util.UUID;

/** An event as a consumer sees it: the envelope's id and business time, and the decoded payload. */
public record IncomingEvent(UUID id, Instant time, ReformEvent data) {
}
