package org.reformdesk.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Where services put the events their changes cause. The row joins the caller's transaction, so a change
 * that rolls back publishes nothing and a committed one is published by the {@link OutboxRelay}, even
 * if the broker is down right now.
 */
@ApplicationScoped
public class Outbox {

    /** Fired after a transaction that wrote to the outbox commits, so the relay need not wait for its poll. */
    public record Written() {
    }

    @Inject
    ServiceClock clock;

    @Inject
    Event<Written> written;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReformEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateType = event.getClass().getSimpleName();
        row.aggregateId = event.subject();
        row.type = event.type().typeName();
        row.topic = event.type().topic();
        row.occurredAt = clock.instant();
        row.payload = EventCodec.instance().encode(event);
        row.persist();
        written.fire(new Written());
    }

    /**
     * Records many events in one JDBC batch, in the caller's transaction, with the same columns as {@link #record}:
     * a sweep that announces thousands of changes at once spent half its time persisting one row entity at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<? extends ReformEvent> events) {
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
        written.fire(new Written());
    }
}
