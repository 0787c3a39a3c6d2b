package org.reformdesk.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Where services put the events their changes cause. The row joins the caller's transaction, so a change
 * that rolls back publishes nothing and a committed one is published by the {@link OutboxRelay}, even
 * if the broker is down right now; the relay is handed the rows as written, to send when the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ServiceClock clock;

    @Inject
    OutboxRelay relay;

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
        relay.written(List.of(OutboxRelay.Row.of(row)));
        row.persist();
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
        Instant now = clock.instant();
        List<OutboxRelay.Row> rows = events.stream().map(event -> new OutboxRelay.Row(UUID.randomUUID(),
                event.type().topic(), event.subject(), event.type().typeName(), EventCodec.instance().encode(event),
                now)).toList();
        relay.written(rows);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, occurred_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
                OffsetDateTime occurredAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                for (int i = 0; i < rows.size(); i++) {
                    OutboxRelay.Row row = rows.get(i);
                    insert.setObject(1, row.id());
                    insert.setString(2, events.get(i).getClass().getSimpleName());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.topic());
                    insert.setObject(6, occurredAt);
                    insert.setString(7, row.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
