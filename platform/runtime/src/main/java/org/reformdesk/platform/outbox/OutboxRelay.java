package org.reformdesk.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.reformdesk.platform.time.ServiceClock;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in order, in batches, and marks them published in the same
 * transaction that read them. A transaction-scoped advisory lock lets one replica relay at a time, so
 * order holds across replicas. If the broker does not acknowledge a batch, the transaction rolls back and
 * the batch goes again: events may repeat (consumers de-duplicate on the event id) but are never lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant will do, as long as it is the same in every replica of a service. */
    private static final long RELAY_LOCK = 0x5265666f726dL;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

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
    private ExecutorService worker;
    private volatile boolean running;
    private Counter published;

    void start(@Observes StartupEvent event) {
        published = meters.counter("reform.outbox.published");
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

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch means there may be more
                }
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not publish, retrying in %s: %s", backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes the oldest unpublished rows; returns how many. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!mine) {
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by position")
                    .page(0, config.batchSize()).list();
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            OutboxEvent.update("publishedAt = ?1 where id in ?2", clock.instant(),
                    batch.stream().map(row -> row.id).toList());
            published.increment(batch.size());
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.id.toString())
                        .withType(row.type)
                        .withSource(URI.create("/reform-desk/" + source))
                        .withSubject(row.aggregateId)
                        .withTimestamp(row.occurredAt.atZone(clock.getZone()))
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic)
                        .withKey(row.aggregateId)
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
