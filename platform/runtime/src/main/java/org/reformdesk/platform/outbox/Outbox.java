package org.reformdesk.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.platform.time.ServiceClock;

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
}
