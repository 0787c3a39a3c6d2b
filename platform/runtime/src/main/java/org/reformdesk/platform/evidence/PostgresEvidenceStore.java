package org.reformdesk.platform.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files in the service's own PostgreSQL database, table {@code evidence_file} (each service's migration
 * creates it, with its owner column referencing that service's reports), the bytes as {@code bytea}: a file is in
 * the same backup and the same transaction as the report it belongs to. Plain JDBC on the transaction's connection,
 * so the bytes are not held in a persistence context.
 */
@ApplicationScoped
public class PostgresEvidenceStore implements EvidenceStore {

    private static final String COLUMNS = "id, owner_id, filename, media_type, size_bytes, sha256, uploaded_at, "
            + "uploaded_by";

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceClock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredEvidence put(UUID ownerId, EvidenceFile file, String uploadedBy) {
        StoredEvidence stored = new StoredEvidence(UUID.randomUUID(), ownerId, file.filename(),
                file.kind().mediaType(), file.content().length, file.sha256(), clock.instant(), uploadedBy);
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence_file (" + COLUMNS
                    + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, stored.id());
                insert.setObject(2, stored.ownerId());
                insert.setString(3, stored.filename());
                insert.setString(4, stored.mediaType());
                insert.setLong(5, stored.size());
                insert.setString(6, stored.sha256());
                insert.setTimestamp(7, Timestamp.from(stored.uploadedAt()));
                insert.setString(8, stored.uploadedBy());
                insert.setBytes(9, file.content());
                insert.executeUpdate();
            }
        });
        return stored;
    }

    @Override
    @Transactional
    public List<StoredEvidence> list(UUID ownerId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM evidence_file WHERE owner_id = ? ORDER BY uploaded_at, id")) {
                select.setObject(1, ownerId);
                List<StoredEvidence> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(evidence(rows));
                    }
                }
                return found;
            }
        });
    }

    @Override
    @Transactional
    public Optional<Content> get(UUID ownerId, UUID id) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + ", content FROM evidence_file WHERE owner_id = ? AND id = ?")) {
                select.setObject(1, ownerId);
                select.setObject(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Content(evidence(rows), rows.getBytes("content")))
                            : Optional.<Content>empty();
                }
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static StoredEvidence evidence(ResultSet row) throws SQLException {
        return new StoredEvidence(row.getObject("id", UUID.class), row.getObject("owner_id", UUID.class),
                row.getString("filename"), row.getString("media_type"), row.getLong("size_bytes"),
                row.getString("sha256"), row.getTimestamp("uploaded_at").toInstant(), row.getString("uploaded_by"));
    }
}
