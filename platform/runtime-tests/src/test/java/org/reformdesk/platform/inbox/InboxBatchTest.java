package org.reformdesk.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's inbox applying Kafka batches, through a real broker into a real database, with {@link InboxProbe} as
 * the consumer of an application that is the platform runtime alone. Each batch is sent in one Kafka transaction to
 * one partition and the probe's channel reads committed records only, so the consumer's next poll returns the whole
 * batch at once. (The transaction markers stay uncommitted offsets, so the
 * tests wait for a later event of the same partition, never for the group's lag.)
 */
@QuarkusTest
@TestProfile(InboxBatchTest.WithProbe.class)
class InboxBatchTest {

    static final String TOPIC = "reform.inbox-probe.v1";
    static final String DEAD_LETTERS = TOPIC + ".dlq";

    public static class WithProbe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reform.test.inbox-probe", "on",
                    "mp.messaging.incoming.inbox-probe.connector", "smallrye-kafka",
                    "mp.messaging.incoming.inbox-probe.topic", TOPIC,
                    "mp.messaging.incoming.inbox-probe.dead-letter-queue.topic", DEAD_LETTERS,
                    "mp.messaging.incoming.inbox-probe.isolation.level", "read_committed",
                    "reform.inbox.attempts", "2",
                    "reform.inbox.backoff", "50ms");
        }
    }

    private static KafkaProducer<String, String> producer;
    private static EventProbe deadLetters;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "inbox-batch-test-" + UUID.randomUUID());
        producer = new KafkaProducer<>(props);
        producer.initTransactions();
        deadLetters = EventProbe.on(DEAD_LETTERS);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        deadLetters.close();
    }

    @BeforeEach
    void probeTable() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                CREATE TABLE IF NOT EXISTS inbox_probe (position bigserial PRIMARY KEY, event_id uuid NOT NULL,
                    subject text NOT NULL, value text NOT NULL, batch_size int NOT NULL)""").executeUpdate());
    }

    @Test
    void aRedeliveredBatchOrOneWithASeenEventChangesNothingTwice() {
        UUID unit = UUID.randomUUID();
        Batch first = new Batch().event(unit, "a").event(unit, "b").event(unit, "c");
        first.send();
        awaitValues(unit, List.of("a", "b", "c"));

        first.send();
        new Batch().again(first, 2).event(unit, "d").send();
        // one partition in order: once d is applied, the redelivered batch before it has been consumed too
        awaitValues(unit, List.of("a", "b", "c", "d"));
    }

    @Test
    void anUnreadableRecordGoesAloneToTheDeadLetterTopicWithItsReasonAndTheRestIsApplied() {
        UUID unit = UUID.randomUUID();
        String badJson = UUID.randomUUID().toString();
        String noHeaders = UUID.randomUUID().toString();
        String failsSchema = UUID.randomUUID().toString();
        String badId = UUID.randomUUID().toString();
        Batch batch = new Batch()
                .event(unit, "1")
                .raw(badJson, "{\"unitId\": ", headers(UUID.randomUUID().toString()))
                .event(unit, "2")
                .raw(noHeaders, "{}", Map.of())
                .raw(failsSchema, "{\"unitId\": \"" + unit + "\", \"category\": \"NONE\"}",
                        headers(UUID.randomUUID().toString()))
                .raw(badId, EventCodec.instance().encode(changed(unit, "x")), headers("not-a-uuid"))
                .event(unit, "3");
        batch.send();

        awaitValues(unit, List.of("1", "2", "3"));
        assertThat(batchSizes(unit)).containsOnly(batch.size());
        List<String> unreadable = List.of(badJson, noHeaders, failsSchema, badId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String key : unreadable) {
                assertThat(deadLetters.matching(r -> key.equals(r.key()))).singleElement().satisfies(r -> {
                    assertThat(r.headers()).containsKeys("dead-letter-reason", "dead-letter-partition",
                            "dead-letter-offset").containsEntry("dead-letter-topic", TOPIC);
                    assertThat(r.headers().get("dead-letter-reason")).isNotBlank();
                });
            }
        });
        assertThat(deadLetters.matching(r -> r.data().contains(unit.toString()) && !unreadable.contains(r.key())))
                .isEmpty();
    }

    @Test
    void aRecordOfAnIgnoredTypeIsCountedUnreadUnlessItsEnvelopeIsBroken() {
        UUID unit = UUID.randomUUID();
        String brokenData = UUID.randomUUID().toString();
        String badId = UUID.randomUUID().toString();
        double ignoredBefore = ignored();
        Map<String, String> ignoredType = headers(UUID.randomUUID().toString());
        ignoredType.put("ce_type", InboxProbe.IGNORED.typeName());
        Map<String, String> ignoredTypeBadId = headers("not-a-uuid");
        ignoredTypeBadId.put("ce_type", InboxProbe.IGNORED.typeName());
        new Batch().event(unit, "1").raw(brokenData, "{\"broken\": ", ignoredType)
                .raw(badId, "{}", ignoredTypeBadId).event(unit, "2").send();

        awaitValues(unit, List.of("1", "2"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters.matching(r -> badId.equals(r.key()))).singleElement());
        assertThat(ignored() - ignoredBefore).isEqualTo(1.0);
        assertThat(deadLetters.matching(r -> brokenData.equals(r.key()))).isEmpty();
    }

    @Test
    void aBatchWhoseOneEffectFailsAppliesTheOthersInOrderAndDeadLettersOnlyThatOne() {
        UUID unit = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        Batch batch = new Batch().event(unit, "1").event(other, "1").event(unit, "2")
                .event(failing, InboxProbe.BOOM).event(unit, "3").event(other, "2").event(unit, "4");
        batch.send();

        awaitValues(unit, List.of("1", "2", "3", "4"));
        awaitValues(other, List.of("1", "2"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters.matching(r -> r.data().contains(failing.toString()))).singleElement()
                        .satisfies(r -> assertThat(r.headers().get("dead-letter-reason"))
                                .contains("the probe was told to fail")));
        assertThat(values(failing)).isEmpty();
        assertThat(deadLetters.matching(r -> r.data().contains(unit.toString()) || r.data().contains(other.toString())))
                .isEmpty();
    }

    @Test
    void anEventIsNotDeadLetteredWhileTheDatabaseCannotBeReached() {
        UUID unit = UUID.randomUUID();
        UUID flaky = UUID.randomUUID();
        // more failures than the profile's two attempts: an event to blame would be dead-lettered by then
        new Batch().event(unit, "1").event(flaky, InboxProbe.UNREACHABLE).event(unit, "2").send();

        awaitValues(unit, List.of("1", "2"));
        awaitValues(flaky, List.of(InboxProbe.UNREACHABLE));
        assertThat(InboxProbe.unreachableFailures.get()).isGreaterThan(InboxProbe.UNREACHABLE_TIMES);
        assertThat(deadLetters.matching(r -> r.data().contains(flaky.toString()))).isEmpty();
    }

    @Test
    void eventsOfASubjectAreAppliedInTheOrderTheyWereSent() {
        UUID unit = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Batch batch = new Batch();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.event(i % 3 == 0 ? other : unit, Integer.toString(i));
            if (i % 3 != 0) {
                expected.add(Integer.toString(i));
            }
        }
        batch.send();

        awaitValues(unit, expected);
        assertThat(batchSizes(unit)).containsOnly(batch.size());
    }

    /**
     * Records sent together in one Kafka transaction: what the consumer's next poll returns. Every batch goes to the
     * first partition, so batches are consumed in the order they were sent.
     */
    private static final class Batch {

        private final String key = UUID.randomUUID().toString();
        private final List<ProducerRecord<String, String>> records = new ArrayList<>();

        Batch event(UUID unit, String value) {
            return raw(key, EventCodec.instance().encode(changed(unit, value)), headers(UUID.randomUUID().toString()));
        }

        /** The first {@code count} records of an earlier batch, ids and all, as a redelivery would bring them. */
        Batch again(Batch earlier, int count) {
            records.addAll(earlier.records.subList(0, count));
            return this;
        }

        /** A record as given; its key marks it on the dead-letter topic. */
        Batch raw(String key, String value, Map<String, String> headers) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            records.add(record);
            return this;
        }

        int size() {
            return records.size();
        }

        void send() {
            producer.beginTransaction();
            for (ProducerRecord<String, String> record : records) {
                producer.send(new ProducerRecord<>(TOPIC, 0, record.key(), record.value(), record.headers()));
            }
            producer.commitTransaction();
        }
    }

    private static UnitChanged changed(UUID unit, String name) {
        return UnitChanged.of(unit, "T-" + name, name, AssessmentCategory.values()[0], UnitKind.DEPARTMENT);
    }

    private static Map<String, String> headers(String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", "reform.directory.unit-changed.v1");
        headers.put("ce_source", "/test");
        headers.put("content-type", "application/json");
        return headers;
    }

    private void awaitValues(UUID subject, List<String> expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(values(subject)).isEqualTo(expected));
    }

    /** What the probe counted as ignored, of the ignored type. */
    private double ignored() {
        return meters.find("reform.inbox.ignored").tags("consumer", "test.inbox-probe", "type",
                InboxProbe.IGNORED.typeName()).counters().stream().mapToDouble(Counter::count).sum();
    }

    @SuppressWarnings("unchecked")
    private List<String> values(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT value FROM inbox_probe WHERE subject = :subject ORDER BY position")
                .setParameter("subject", subject.toString()).getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<Integer> batchSizes(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT batch_size FROM inbox_probe WHERE subject = :subject")
                .setParameter("subject", subject.toString()).getResultList());
    }
}
