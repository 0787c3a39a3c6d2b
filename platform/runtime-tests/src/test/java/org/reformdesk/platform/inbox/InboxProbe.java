package org.reformdesk.platform.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.EventType;
import org.reformdesk.events.UnitChanged;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer whose effect a test can read and break: each UnitChanged is written to {@code inbox_probe} (its unit as
 * the subject, its name as the value, the size of the Kafka batch it came in) in the inbox's transaction, and a
 * unit named {@code boom} throws, one named {@code unreachable} fails as a lost database would for a while; it
 * ignores {@link #IGNORED}. Only in {@link InboxBatchTest}'s profile.
 */
@ApplicationScoped
@IfBuildProperty(name = "reform.test.inbox-probe", stringValue = "on")
public class InboxProbe {

    static final String BOOM = "boom";
    /** A unit named so fails as if the database were unreachable, {@link #UNREACHABLE_TIMES} times in all. */
    static final String UNREACHABLE = "unreachable";
    static final int UNREACHABLE_TIMES = 4;
    static final AtomicInteger unreachableFailures = new AtomicInteger();
    static final EventType IGNORED = EventType.RANKING_UPDATED;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    private int batchSize;

    @Incoming("inbox-probe")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        batchSize = batch.getRecords().size();
        return inbox.deliver("test.inbox-probe", batch, EnumSet.of(IGNORED), event -> {
            UnitChanged changed = (UnitChanged) event.data();
            if (BOOM.equals(changed.name())) {
                throw new IllegalStateException("the probe was told to fail");
            }
            if (UNREACHABLE.equals(changed.name()) && unreachableFailures.incrementAndGet() <= UNREACHABLE_TIMES) {
                throw new IllegalStateException("the probe lost its database",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            }
            entityManager.createNativeQuery("""
                            INSERT INTO inbox_probe (event_id, subject, value, batch_size) VALUES (:id, :subject, :value,
                            :size)""")
                    .setParameter("id", event.id()).setParameter("subject", changed.unitId().toString())
                    .setParameter("value", changed.name()).setParameter("size", batchSize)
                    .executeUpdate();
        });
    }
}
