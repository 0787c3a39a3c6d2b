package org.reformdesk.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.reformdesk.platform.time.ServiceClock;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes committed outbox rows to Kafka, one subject's in order, and marks them published. A transaction that
 * wrote outbox rows hands them, as written, to this relay's single worker when it commits; the worker sends what
 * several commits handed over in one batch and marks the batch published in one statement, so at a trickle an event
 * costs no relay transaction that reads it back. Polling the table is the safety net: rows no commit handed over (a
 * crash between commit and send, another replica's backlog) are read and sent oldest first, as before.
 *
 * <p>Why the order holds:
 * <ul>
 * <li>Within a replica, commit order. A transaction takes its place in the worker's queue just before it commits
 * ({@code beforeCompletion}) and becomes sendable once it has ({@code afterCompletion}); the worker sends from the
 * head of the queue and waits at the first place whose transaction has not finished. Two transactions writing events
 * of one subject are ordered by that subject's row lock or by the later one reading what the earlier committed. The
 * place is taken after Hibernate's flush (its synchronization joined the transaction before this one, and Narayana
 * runs them in that order), so with every lock of the transaction held: the earlier takes its place before it
 * commits, so before the later one can go on, and the later one's hand-off cannot overtake it even when its thread
 * reaches {@code afterCompletion} first (the race of sending straight from the committing thread).</li>
 * <li>Against rows it does not hold. When a transaction writes its first outbox row it asks the table, in its own
 * transaction, whether any unpublished row is waiting that this replica does not hold in memory: another replica's
 * commit not yet sent, rows a crash left, rows the worker dropped (below). If so, its own rows are not sent from
 * memory; their commit sends the worker to the polling path, which reads everything unpublished by position under a
 * transaction-scoped advisory lock that one replica holds at a time, as the relay always did. An event written
 * after reading another replica's committed change therefore never overtakes that change's event: either the
 * earlier event is already acknowledged, or both go through the poll, earlier position first. The question is one
 * probe of the partial index on unpublished rows, in a transaction that is writing anyway. It is skipped, and the
 * rows left to the poll, while this replica holds more than {@code batch-size} rows unsent (a burst, where the poll's
 * batches are what is wanted and the probe's list of rows to ignore would be long) or is draining.</li>
 * <li>Draining. The worker starts on the polling path (what a crash left goes before anything new) and returns to
 * it after a failed send or whenever a poll finds rows; on that path it drops the hand-offs of transactions that
 * have finished, then polls until a poll finds nothing. Every dropped hand-off committed before that poll's snapshot,
 * so the poll has sent it; only then does the worker send from memory again.</li>
 * </ul>
 * Never lost: a row is marked published only after the broker acknowledged it. A crash between commit and send, a
 * failed send or a failed mark leaves it unpublished, and the poll, every {@code poll-interval} whatever the
 * hand-offs do, sends it. An event may then go twice (consumers de-duplicate on the event id), never out of order
 * ahead of an earlier one of its subject.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant will do, as long as it is the same in every replica of a service. */
    static final long RELAY_LOCK = 0x5265666f726dL;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Object HANDOFF = new Object();

    /** An outbox row as its transaction wrote it: all the relay needs to send it, without reading it back. */
    record Row(UUID id, String topic, String key, String type, String payload, Instant occurredAt) {

        static Row of(OutboxEvent row) {
            return new Row(row.id, row.topic, row.aggregateId, row.type, row.payload, row.occurredAt);
        }
    }

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    ServiceClock clock;

    @Inject
    @Channel("outbox")
    Emitter<String> emitter;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    MeterRegistry meters;

    private final Semaphore wake = new Semaphore(0);
    /** Transactions in the order they committed, from just before each commits until the worker takes them. */
    private final Queue<Handoff> queue = new ConcurrentLinkedQueue<>();
    /** Rows this replica holds to send from memory, from just before their commit until they are marked published. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    /** The worker's: rows of committed hand-offs taken from the queue, not yet sent. */
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private volatile boolean draining = true;
    private ExecutorService worker;
    private volatile boolean running;
    private Counter published;

    void start(@Observes StartupEvent event) {
        published = meters.counter("reform.outbox.published");
        // 1 while the relay sends by polling (a backlog, a broker that failed a send): for long only if it cannot drain
        meters.gauge("reform.outbox.draining", this, relay -> relay.draining ? 1 : 0);
        running = true;
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        worker.execute(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        worker.shutdown();
    }

    /** In the writing transaction: {@code rows} go to Kafka from memory when it commits, if it may send them so. */
    void written(List<Row> rows) {
        Handoff handoff = (Handoff) transaction.getResource(HANDOFF);
        if (handoff == null) {
            handoff = new Handoff(nothingElseWaiting());
            transaction.putResource(HANDOFF, handoff);
            transaction.registerInterposedSynchronization(handoff);
        }
        handoff.rows.addAll(rows);
    }

    /** Whether every unpublished row is one this replica holds, so rows written now may go from memory. */
    private boolean nothingElseWaiting() {
        if (draining || held.size() > config.batchSize()) {
            return false;
        }
        UUID[] mine = held.toArray(UUID[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement probe = connection.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM outbox_event WHERE published_at IS NULL AND NOT id = ANY(?))""")) {
                probe.setArray(1, connection.createArrayOf("uuid", mine));
                try (ResultSet waiting = probe.executeQuery()) {
                    waiting.next();
                    return !waiting.getBoolean(1);
                }
            }
        });
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        // the first poll waits as long as any other, or for a commit: the outgoing channel is being wired meanwhile
        long nextPoll = System.nanoTime() + config.pollInterval().toNanos();
        while (running) {
            try {
                long untilPoll = nextPoll - System.nanoTime();
                if (untilPoll > 0) {
                    wake.tryAcquire(untilPoll, TimeUnit.NANOSECONDS);
                    wake.drainPermits();
                }
                if (!draining) {
                    sendHandedOff();
                }
                if (draining || System.nanoTime() - nextPoll >= 0) {
                    nextPoll = System.nanoTime() + config.pollInterval().toNanos();
                    poll();
                }
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                draining = true;
                LOG.warnf("Outbox relay could not publish, retrying in %s: %s", backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends what committed transactions handed over, in commit order, a batch at a time. */
    private void sendHandedOff() throws InterruptedException {
        while (running) {
            Handoff head;
            while ((head = queue.peek()) != null && head.outcome != Outcome.OPEN) {
                if (head.outcome == Outcome.UNKNOWN || head.outcome == Outcome.COMMITTED && !head.fromMemory) {
                    // committed rows this replica does not hold: the poll sends them and what follows them
                    draining = true;
                    return;
                }
                queue.remove();
                for (Row row : head.rows) {
                    // a row a poll has published meanwhile is no longer held
                    if (head.outcome == Outcome.COMMITTED && held.contains(row.id())) {
                        ready.add(row);
                    } else {
                        held.remove(row.id());
                    }
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            List<Row> batch = new ArrayList<>();
            while (!ready.isEmpty() && batch.size() < config.batchSize()) {
                batch.add(ready.remove());
            }
            sendAndWait(batch);
            markPublished(batch);
            batch.forEach(row -> held.remove(row.id()));
            published.increment(batch.size());
        }
    }

    /**
     * Polls the table until a poll finds nothing; while draining, first forgets every finished hand-off (the polls
     * read their rows). A poll that finds rows while the worker sends from memory found rows no commit handed over,
     * so the worker drains.
     */
    private void poll() throws InterruptedException {
        while (running) {
            if (draining) {
                forgetFinished();
            }
            List<UUID> sent = publishBatch();
            if (sent == null) {
                return;
            }
            sent.forEach(held::remove);
            if (sent.isEmpty()) {
                draining = false;
                return;
            }
            draining = true;
        }
    }

    private void forgetFinished() {
        ready.forEach(row -> held.remove(row.id()));
        ready.clear();
        queue.removeIf(handoff -> {
            if (handoff.outcome == Outcome.OPEN) {
                return false;
            }
            handoff.rows.forEach(row -> held.remove(row.id()));
            return true;
        });
    }

    /**
     * Publishes the oldest unpublished rows, in the transaction that read them, under the lock one replica holds at a
     * time; returns their ids, or null if another replica holds the lock.
     */
    List<UUID> publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!mine) {
                return null;
            }
            List<Row> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by position")
                    .page(0, config.batchSize()).stream().map(Row::of).toList();
            if (batch.isEmpty()) {
                return List.of();
            }
            sendAndWait(batch);
            List<UUID> ids = batch.stream().map(Row::id).toList();
            OutboxEvent.update("publishedAt = ?1 where id in ?2", clock.instant(), ids);
            published.increment(batch.size());
            return ids;
        });
    }

    private void sendAndWait(List<Row> batch) throws InterruptedException {
        CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge " + batch.size() + " events", e);
        }
    }

    /** One statement, no transaction of its own beyond it: the rows are acknowledged, so a lost mark only repeats them. */
    private void markPublished(List<Row> batch) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement mark = connection.prepareStatement(
                     "UPDATE outbox_event SET published_at = ? WHERE id = ANY(?)")) {
            mark.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            mark.setArray(2, connection.createArrayOf("uuid", batch.stream().map(Row::id).toArray(UUID[]::new)));
            mark.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + batch.size() + " sent events published", e);
        }
    }

    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(row.payload())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.id().toString())
                        .withType(row.type())
                        .withSource(URI.create("/reform-desk/" + source))
                        .withSubject(row.key())
                        .withTimestamp(row.occurredAt().atZone(clock.getZone()))
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic())
                        .withKey(row.key())
                        .build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return ack;
    }

    private void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Outcome { OPEN, COMMITTED, ROLLED_BACK, UNKNOWN }

    /** The rows one transaction wrote; its place in the queue is taken just before it commits. */
    private final class Handoff implements Synchronization {

        final List<Row> rows = new ArrayList<>();
        /** False: rows no one holds were waiting when the transaction began writing, so the poll sends these too. */
        final boolean fromMemory;
        volatile Outcome outcome = Outcome.OPEN;

        Handoff(boolean fromMemory) {
            this.fromMemory = fromMemory;
        }

        @Override
        public void beforeCompletion() {
            if (fromMemory) {
                rows.forEach(row -> held.add(row.id()));
            }
            queue.add(this);
        }

        @Override
        public void afterCompletion(int status) {
            outcome = switch (status) {
                case Status.STATUS_COMMITTED -> Outcome.COMMITTED;
                case Status.STATUS_ROLLEDBACK -> Outcome.ROLLED_BACK;
                // it may have committed: the poll finds out
                default -> Outcome.UNKNOWN;
            };
            wakeUp();
        }
    }
}
