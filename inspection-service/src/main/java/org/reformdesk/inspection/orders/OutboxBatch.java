package org.reformdesk.inspection.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes many events into the platform's outbox table in one JDBC batch, in the caller's transaction, with the
 * same columns {@link Outbox#record} fills. The platform's outbox persists one entity per event, which was half
 * the cost of a 10,000-order escalation sweep; this belongs in {@code platform/runtime} as {@code Outbox.recordAll}.
 */
@ApplicationScoped
class OutboxBatch {

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceClock clock;

    @Inject
    Event<Outbox.Written> written;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(List<ReformEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, occurred_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
                for (ReformEvent event : events) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, event.getClass().getSimpleName());
                    insert.setString(3, event.subject());
                    insert.setString(4, event.type().typeName());
                    insert.setString(5, event.type().topic());
                    insert.setObject(6, now);
                    insert.setString(7, EventCodec.instance().encode(event));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new Outbox.Written());
    }
}
