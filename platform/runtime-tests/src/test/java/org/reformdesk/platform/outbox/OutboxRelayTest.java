package org.reformdesk.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.EventType;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.testing.EventProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay through the real broker and database: a commit's events go from memory at once, a row no commit
 * handed over (a crash between commit and send) is sent by the poll, and one subject's events keep their order.
 * "Another replica" is played by holding the relay's advisory lock on a connection of the test's own: the poll of this
 * replica can then read nothing.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = EventType.UNIT_CHANGED.topic();

    private static EventProbe published;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    static void listen() {
        published = EventProbe.on(TOPIC);
    }

    @AfterAll
    static void stopListening() {
        published.close();
    }

    @BeforeEach
    void counters() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                CREATE TABLE IF NOT EXISTS outbox_order_probe (subject uuid PRIMARY KEY, changes int NOT NULL)""")
                .executeUpdate());
        UUID warmUp = UUID.randomUUID();
        record(warmUp, "ready");
        awaitNames(warmUp, List.of("ready"));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("reform.outbox.draining").gauge().value() == 0);
    }

    @Test
    void aCommitIsPublishedFromMemoryWhileAnotherReplicaHoldsThePoll() throws SQLException {
        UUID unit = UUID.randomUUID();
        try (Connection otherReplica = holdRelayLock()) {
            record(unit, "renamed");

            awaitNames(unit, List.of("renamed"));
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(unit) == 0);
        }
    }

    @Test
    void anEventACrashLeftUnsentIsPublishedByThePollAndBeforeTheNextEventOfItsSubject() {
        UUID unit = UUID.randomUUID();
        leftUnsentByACrash(unit, "left behind");
        record(unit, "after");

        awaitNames(unit, List.of("left behind", "after"));
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(unit) == 0);
    }

    @Test
    void anEventWaitsBehindAnUnsentEventOfAnotherReplicaRatherThanOvertakeIt() throws SQLException {
        UUID unit = UUID.randomUUID();
        try (Connection otherReplica = holdRelayLock()) {
            leftUnsentByACrash(unit, "other replica's");
            record(unit, "mine");

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> names(unit).isEmpty());
        }
        awaitNames(unit, List.of("other replica's", "mine"));
    }

    @Test
    void aRolledBackChangePublishesNothingAndHoldsUpNoLaterCommit() {
        UUID unit = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.record(changed(unit, "rolled back"));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        record(unit, "committed");

        awaitNames(unit, List.of("committed"));
    }

    @Test
    void eachSubjectsEventsArePublishedInTheOrderItsConcurrentChangesCommitted() throws Exception {
        List<UUID> units = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        int writers = 6;
        int changesEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int first = writer;
                done.add(pool.submit(() -> {
                    for (int change = 0; change < changesEach; change++) {
                        UUID unit = units.get((first + change) % units.size());
                        // the subject's row lock orders its changes, as an aggregate's row does in a service
                        QuarkusTransaction.requiringNew().run(() -> {
                            int count = ((Number) entityManager.createNativeQuery("""
                                    INSERT INTO outbox_order_probe (subject, changes) VALUES (:subject, 1)
                                    ON CONFLICT (subject) DO UPDATE SET changes = outbox_order_probe.changes + 1
                                    RETURNING changes""").setParameter("subject", unit).getSingleResult()).intValue();
                            outbox.record(changed(unit, Integer.toString(count)));
                        });
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        int perUnit = writers * changesEach / units.size();
        for (UUID unit : units) {
            awaitNames(unit, IntStream.rangeClosed(1, perUnit).mapToObj(Integer::toString).toList());
        }
    }

    private void record(UUID unit, String name) {
        QuarkusTransaction.requiringNew().run(() -> outbox.record(changed(unit, name)));
    }

    /** A committed row that no process holds to send, as a replica that died after its commit leaves it. */
    private void leftUnsentByACrash(UUID unit, String name) {
        UnitChanged event = changed(unit, name);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, occurred_at, payload)
                        VALUES (:id, 'UnitChanged', :subject, :type, :topic, now(), CAST(:payload AS jsonb))""")
                .setParameter("id", UUID.randomUUID()).setParameter("subject", event.subject())
                .setParameter("type", event.type().typeName()).setParameter("topic", TOPIC)
                .setParameter("payload", EventCodec.instance().encode(event)).executeUpdate());
    }

    /** The relay's lock, as another replica's poll holds it; released when the connection closes. */
    private Connection holdRelayLock() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, OutboxRelay.RELAY_LOCK);
            lock.execute();
        }
        return connection;
    }

    private long unpublished(UUID unit) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = :subject AND published_at IS NULL")
                .setParameter("subject", unit.toString()).getSingleResult()).longValue());
    }

    private static void awaitNames(UUID unit, List<String> expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(names(unit)).isEqualTo(expected));
    }

    /** The names the unit's events carried, in the order the broker has them, each event once (the first time). */
    private static List<String> names(UUID unit) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (EventProbe.Recorded record : published.matching(r -> unit.toString().equals(r.key()))) {
            byId.putIfAbsent(record.id(),
                    ((UnitChanged) EventCodec.instance().decode(record.type(), record.data()).orElseThrow()).name());
        }
        return List.copyOf(byId.values());
    }

    private static UnitChanged changed(UUID unit, String name) {
        return UnitChanged.of(unit, "T-" + name, name, AssessmentCategory.values()[0], UnitKind.DEPARTMENT);
    }
}
