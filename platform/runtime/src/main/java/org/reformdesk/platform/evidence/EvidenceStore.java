package org.reformdesk.platform.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where evidence files are kept. Each service keeps them in its own database today ({@link PostgresEvidenceStore});
 * an object store can take its place behind this interface without a resource or service changing.
 */
public interface EvidenceStore {

    /** The file's bytes and what is known of it. */
    record Content(StoredEvidence evidence, byte[] bytes) {
    }

    /** Keeps the file as evidence for {@code ownerId}, in the caller's transaction, so it commits with the owner. */
    StoredEvidence put(UUID ownerId, EvidenceFile file, String uploadedBy);

    /** The files of {@code ownerId}, oldest first, without their bytes. */
    List<StoredEvidence> list(UUID ownerId);

    /** One file of {@code ownerId} with its bytes; empty if that owner has no such file. */
    Optional<Content> get(UUID ownerId, UUID id);
}
