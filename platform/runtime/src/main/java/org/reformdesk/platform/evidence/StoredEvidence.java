package org.reformdesk.platform.evidence;

import java.time.Instant;
import java.util.UUID;

/** An evidence file as stored beside what it is evidence for (its owner: a report). */
public record StoredEvidence(UUID id, UUID ownerId, String filename, String mediaType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
