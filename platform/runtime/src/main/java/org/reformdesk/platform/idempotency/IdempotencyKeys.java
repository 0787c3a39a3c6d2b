package org.reformdesk.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a create safe to retry: the first request with an {@code Idempotency-Key} creates the resource, a
 * retry with the same key and body gets the same resource back and creates nothing, and the same key with a
 * different body is refused. Concurrent requests with one key serialise on the key's row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /**
     * Runs {@code create} once per (scope, key) and returns the id of what it created.
     *
     * @param key the client's key, or null to create unconditionally
     * @param scope who is asking for what, e.g. {@code alice POST /api/v1/tasks}, so keys never collide across callers
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID once(String key, String scope, Object request, Supplier<UUID> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, key, request_hash) VALUES (:scope, :key, :hash)
                        ON CONFLICT DO NOTHING""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .executeUpdate();
        if (claimed == 0) {
            return earlier(key, scope, hash);
        }
        UUID created = create.get();
        entityManager.createNativeQuery("UPDATE idempotency_key SET resource_id = :id WHERE scope = :scope AND key = :key")
                .setParameter("id", created).setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
        return created;
    }

    private UUID earlier(String key, String scope, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT request_hash, resource_id FROM idempotency_key WHERE scope = :scope AND key = :key")
                .setParameter("scope", scope).setParameter("key", key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(422, "Idempotency key reused",
                    "The Idempotency-Key '" + key + "' was already used with a different request body.");
        }
        return (UUID) row[1];
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

}
