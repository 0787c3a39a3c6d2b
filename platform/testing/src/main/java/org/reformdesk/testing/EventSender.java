package org.reformdesk.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.ReformEvent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events to the real broker as another service would (CloudEvents binary mode, through the
 * CloudEvents SDK), and raw records for tests of what a consumer does with garbage.
 */
public final class EventSender implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> events;
    private final KafkaProducer<String, String> raw;

    private EventSender(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        events = new KafkaProducer<>(props);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        raw = new KafkaProducer<>(props);
    }

    public static EventSender on(String bootstrapServers) {
        return new EventSender(bootstrapServers);
    }

    public static EventSender onTestBroker() {
        return on(TestKafka.bootstrapServers());
    }

    /** Sends the event with a new id; returns the id. */
    public UUID send(ReformEvent event) {
        UUID id = UUID.randomUUID();
        send(id, event);
        return id;
    }

    /** Sends the event with the given id: sending the same id twice is what a redelivery looks like. */
    public void send(UUID id, ReformEvent event) {
        send(id, event, OffsetDateTime.now());
    }

    /** Sends the event as having happened at {@code time} (its business time, the CloudEvents {@code time}). */
    public void send(UUID id, ReformEvent event, OffsetDateTime time) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(event.type().typeName())
                .withSource(URI.create("/reform-desk/test"))
                .withSubject(event.subject())
                .withTime(time)
                .withDataContentType("application/json")
                .withData(EventCodec.instance().encode(event).getBytes(StandardCharsets.UTF_8))
                .build();
        await(events.send(new ProducerRecord<>(event.type().topic(), event.subject(), cloudEvent)));
    }

    /** Sends a record exactly as given, headers and all. */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(new RecordHeader(name,
                header.getBytes(StandardCharsets.UTF_8))));
        await(raw.send(record));
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to the test broker", e.getCause());
        }
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }
}
