package org.reformdesk.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.UnreadableEventException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The idempotent consumer. Each event's id is recorded in the same transaction as its effect and an id seen
 * before is skipped, so a redelivered event changes nothing. A record that can never be read is nacked at
 * once, which sends it to the channel's dead-letter topic with the reason; a failing effect is retried with
 * backoff first, then dead-lettered.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    InboxConfig config;

    @Inject
    MeterRegistry meters;

    /**
     * Delivers one Kafka message to a handler, at most once per {@code consumer} and event id.
     *
     * @param consumer names the effect, e.g. {@code inspection.task-events}; each consumer keeps its own record
     */
    public CompletionStage<Void> deliver(String consumer, Message<String> message, EventHandler handler) {
        IncomingEvent event;
        try {
            Optional<IncomingEvent> read = read(message);
            if (read.isEmpty()) {
                meters.counter("reform.inbox.ignored", "consumer", consumer).increment();
                return message.ack();
            }
            event = read.get();
        } catch (UnreadableEventException e) {
            meters.counter("reform.inbox.dead_lettered", "consumer", consumer, "reason", "unreadable").increment();
            LOG.warnf("%s: unreadable record sent to the dead-letter topic: %s", consumer, e.getMessage());
            return message.nack(e);
        }
        Duration backoff = config.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(consumer, event.id())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                meters.counter(applied ? "reform.inbox.processed" : "reform.inbox.duplicates", "consumer", consumer)
                        .increment();
                return message.ack();
            } catch (RuntimeException e) {
                if (attempt >= config.attempts()) {
                    meters.counter("reform.inbox.dead_lettered", "consumer", consumer, "reason", "failed").increment();
                    LOG.errorf(e, "%s: event %s failed %d times, sent to the dead-letter topic", consumer, event.id(),
                            attempt);
                    return message.nack(e);
                }
                LOG.warnf("%s: event %s failed (attempt %d), retrying in %s: %s", consumer, event.id(), attempt,
                        backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static Optional<IncomingEvent> read(Message<String> message) {
        IncomingCloudEventMetadata<?> envelope = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("Record has no CloudEvents headers"));
        UUID id;
        try {
            id = UUID.fromString(envelope.getId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("CloudEvents id '" + envelope.getId() + "' is not a UUID");
        }
        Instant time = envelope.getTimeStamp().map(t -> t.toInstant()).orElse(Instant.now());
        Optional<ReformEvent> data = EventCodec.instance().decode(envelope.getType(), message.getPayload());
        return data.map(payload -> new IncomingEvent(id, time, payload));
    }

    /** Records the event as processed by this consumer; false if it already was. */
    private boolean claim(String consumer, UUID eventId) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id)
                        ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate() == 1;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
