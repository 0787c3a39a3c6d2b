package org.reformdesk.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.EventType;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.UnreadableEventException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The idempotent consumer. A Kafka batch (records of a partition in offset order) is applied in one transaction:
 * the ids of its events are claimed with one statement, only the newly claimed ones are handled, and an event id
 * seen before (in an earlier batch or earlier in this one) changes nothing. A record that can never be read goes
 * alone to the channel's dead-letter topic with the reason, and the rest of the batch is applied. If the batch's
 * transaction fails, it is applied again in halves, and a half that fails in halves again, down to single events
 * retried with backoff, so only an event whose effect keeps failing is dead-lettered. The batch is acknowledged, and
 * so its offsets committed, only after its transaction committed and its dead letters were written.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /**
     * Events whose changes are written together. Every query first checks the whole persistence context for changes
     * to flush, so a batch of 500 must not keep the entities of all its events to the end; but writing after every
     * event cost inspection a round trip per row (23–30 % of its time in the burst) where 100 events' orders, their
     * history and their outbox rows go as three JDBC batches. Hibernate still flushes before a query that may read
     * what is pending; a handler reading with plain JDBC ({@code doWork}) what it wrote as entities must flush first.
     */
    private static final int FLUSH_EVERY = 100;

    /** The longest pause between attempts while the database cannot be reached. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** A record read into an event. */
    private record Read(KafkaRecord<String, String> record, IncomingEvent event) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    InboxConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    OncePerBatch oncePerBatch;

    /**
     * Delivers one Kafka batch to a handler, each event at most once per {@code consumer} and event id.
     *
     * @param consumer names the effect, e.g. {@code inspection.task-events}; each consumer keeps its own record
     */
    public CompletionStage<Void> deliver(String consumer, KafkaRecordBatch<String, String> batch,
            EventHandler handler) {
        return deliver(consumer, batch, Set.of(), handler);
    }

    /**
     * As {@link #deliver(String, KafkaRecordBatch, EventHandler)}, but records of the {@code ignored} types are
     * acknowledged unread: their data is not decoded, their id not claimed, and a batch of nothing else opens no
     * transaction. For a consumer that takes a topic for a few of its types while the others are many —
     * notification-service takes the assessment topic for the monthly bulletin, and each deduction announces some
     * seven rank changes there (10,334 for 1,400 overdue tasks in a trickle of 2026-11-27).
     *
     * <p>No record leaves without a trace: each is applied, dead-lettered or counted in {@code reform.inbox.ignored}
     * (by consumer and type). An ignored record's envelope is still checked — one without CloudEvents headers or with
     * an id that is not a UUID is dead-lettered like any other — but its data is not: a consumer that does not read a
     * type cannot tell good data of it from bad, and reading it only to judge it would cost what ignoring saves.
     */
    public CompletionStage<Void> deliver(String consumer, KafkaRecordBatch<String, String> batch,
            Set<EventType> ignored, EventHandler handler) {
        List<Read> readable = new ArrayList<>();
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                read(record, ignored).ifPresentOrElse(event -> readable.add(new Read(record, event)),
                        () -> countIgnored(consumer, record));
            } catch (UnreadableEventException e) {
                meters.counter("reform.inbox.dead_lettered", "consumer", consumer, "reason", "unreadable").increment();
                LOG.warnf("%s: unreadable record sent to the dead-letter topic: %s", consumer, e.getMessage());
                deadLetters.add(record.nack(e).toCompletableFuture());
            }
        }
        if (!readable.isEmpty()) {
            applyOrSplit(consumer, readable, handler, deadLetters);
        }
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
                .thenCompose(written -> batch.ack());
    }

    /**
     * Applies events in one transaction: claims their ids, handles the newly claimed ones in order, then runs the
     * effects they left for once per batch ({@link OncePerBatch}). Returns how many were handled; an event already
     * processed by {@code consumer}, or repeated in {@code events}, is handled once.
     */
    public int apply(String consumer, List<IncomingEvent> events, EventHandler handler) {
        return QuarkusTransaction.requiringNew().timeout((int) config.batchTimeout().toSeconds()).call(() -> {
            Set<UUID> claimed = claim(consumer, events);
            List<IncomingEvent> fresh = new ArrayList<>();
            for (IncomingEvent event : events) {
                // removed once claimed, so an id repeated in the batch is handled once
                if (claimed.remove(event.id())) {
                    fresh.add(event);
                }
            }
            oncePerBatch.open(fresh);
            for (int i = 0; i < fresh.size(); i++) {
                handler.handle(fresh.get(i));
                if ((i + 1) % FLUSH_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            oncePerBatch.complete();
            return fresh.size();
        });
    }

    /**
     * Applies events in one transaction or, if that fails, in halves after a pause, each half the same way, down to
     * single events retried with backoff ({@link #applyAlone}). A failure of the whole batch is mostly transient (the
     * database's connections cut, a deadlock, a failover) and the first halves then pass: applying the events one at a
     * time instead took minutes for 500 on a loaded machine, past the consumer's patience. One event whose effect
     * always fails is found in about log2(n) transactions.
     */
    private void applyOrSplit(String consumer, List<Read> reads, EventHandler handler,
            List<CompletableFuture<Void>> deadLetters) {
        if (reads.size() == 1) {
            applyAlone(consumer, reads.get(0), handler).ifPresent(deadLetters::add);
            return;
        }
        try {
            count(consumer, reads.size(), apply(consumer, reads.stream().map(Read::event).toList(), handler));
        } catch (RuntimeException e) {
            LOG.warnf("%s: %d events failed together, applying them in halves: %s", consumer, reads.size(),
                    e.getMessage());
            sleep(config.backoff());
            int half = reads.size() / 2;
            applyOrSplit(consumer, reads.subList(0, half), handler, deadLetters);
            applyOrSplit(consumer, reads.subList(half, reads.size()), handler, deadLetters);
        }
    }

    /**
     * One event in its own transaction, retried with backoff; the dead letter's acknowledgement if it kept failing.
     * While the database cannot be reached the event is not to blame: it is retried, the pause growing to
     * {@link #LONGEST_PAUSE}, until the database answers, and its batch waits unacknowledged.
     */
    private Optional<CompletableFuture<Void>> applyAlone(String consumer, Read read, EventHandler handler) {
        Duration backoff = config.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                count(consumer, 1, apply(consumer, List.of(read.event()), handler));
                return Optional.empty();
            } catch (RuntimeException e) {
                boolean unreachable = databaseUnreachable(e);
                if (attempt >= config.attempts() && !unreachable) {
                    meters.counter("reform.inbox.dead_lettered", "consumer", consumer, "reason", "failed").increment();
                    LOG.errorf(e, "%s: event %s failed %d times, sent to the dead-letter topic", consumer,
                            read.event().id(), attempt);
                    return Optional.of(read.record().nack(e).toCompletableFuture());
                }
                LOG.warnf("%s: event %s failed (attempt %d%s), retrying in %s: %s", consumer, read.event().id(),
                        attempt, unreachable ? ", database unreachable" : "", backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Whether the failure is the database's, not the event's: a connection error (SQLState class 08), the server
     * shutting down or terminating the session (57P01–57P03), or too many connections (53300).
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A record of a type the consumer ignores or does not know (a newer producer's): counted, never silently lost. */
    private void countIgnored(String consumer, KafkaRecord<String, String> record) {
        // a type outside the catalogue is counted as "unknown": a producer's typo must not mint a metric per value
        String type = record.getMetadata(IncomingCloudEventMetadata.class)
                .flatMap(envelope -> EventType.byName(envelope.getType())).map(EventType::typeName).orElse("unknown");
        meters.counter("reform.inbox.ignored", "consumer", consumer, "type", type).increment();
        LOG.debugf("%s: record of type %s on %s-%d ignored", consumer, type, record.getTopic(), record.getPartition());
    }

    private void count(String consumer, int events, int handled) {
        meters.counter("reform.inbox.processed", "consumer", consumer).increment(handled);
        if (events > handled) {
            meters.counter("reform.inbox.duplicates", "consumer", consumer).increment(events - handled);
        }
    }

    private static Optional<IncomingEvent> read(KafkaRecord<String, String> record, Set<EventType> ignored) {
        IncomingCloudEventMetadata<?> envelope = record.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("Record has no CloudEvents headers"));
        UUID id;
        try {
            id = UUID.fromString(envelope.getId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("CloudEvents id '" + envelope.getId() + "' is not a UUID");
        }
        if (!ignored.isEmpty() && EventType.byName(envelope.getType()).filter(ignored::contains).isPresent()) {
            return Optional.empty();
        }
        Instant time = envelope.getTimeStamp().map(t -> t.toInstant()).orElse(Instant.now());
        Optional<ReformEvent> data = EventCodec.instance().decode(envelope.getType(), record.getPayload());
        return data.map(payload -> new IncomingEvent(id, time, payload));
    }

    /** Records the events as processed by this consumer in one statement; returns the ids that were not yet. */
    private Set<UUID> claim(String consumer, List<IncomingEvent> events) {
        UUID[] ids = events.stream().map(IncomingEvent::id).distinct().toArray(UUID[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?) AS id
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                Set<UUID> claimed = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getObject(1, UUID.class));
                    }
                }
                return claimed;
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
