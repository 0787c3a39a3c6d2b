package org.reformdesk.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads topics on the real broker from the beginning, in the background, so a test can assert what a
 * service published: the CloudEvents headers and the JSON data of each record.
 */
public final class EventProbe implements AutoCloseable {

    /** One record as a test sees it; {@code headers} holds every header, CloudEvents ones as {@code ce_type}. */
    public record Recorded(String topic, String key, Map<String, String> headers, String data) {

        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }

        public String subject() {
            return headers.get("ce_subject");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Recorded> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private EventProbe(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(topics);
        poller = new Thread(this::poll, "event-probe");
        poller.setDaemon(true);
        poller.start();
    }

    public static EventProbe onBroker(String bootstrapServers, String... topics) {
        return new EventProbe(bootstrapServers, List.of(topics));
    }

    /** A probe on the test broker. */
    public static EventProbe on(String... topics) {
        return onBroker(TestKafka.bootstrapServers(), topics);
    }

    public List<Recorded> records() {
        return List.copyOf(records);
    }

    public List<Recorded> matching(Predicate<Recorded> filter) {
        return records.stream().filter(filter).toList();
    }

    public List<Recorded> ofType(String type, String subject) {
        return matching(r -> type.equals(r.type()) && subject.equals(r.subject()));
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(new Recorded(record.topic(), record.key(), headers(record), record.value()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        List<Header> all = new ArrayList<>();
        record.headers().forEach(all::add);
        return StreamSupport.stream(all.spliterator(), false)
                .filter(h -> h.value() != null)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8),
                        (first, last) -> last));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
