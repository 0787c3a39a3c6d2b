package org.reformdesk.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.reformdesk.local.Service;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one overdue task costs in work, per service, counted where the work is kept rather than sampled: the Kafka
 * records it produced (its topics' end offsets) and consumed (its consumer group's committed offsets), the rows its
 * database wrote (pg_stat_database's tuples inserted, updated and deleted) and the transactions it committed
 * ({@code xact_commit}), less what the benchmark's own connections did there. CPU says how much a phase cost; these
 * say what it was spent on.
 */
final class Amplification {

    /**
     * PostgreSQL 15 sends a backend's statistics at most once a second and, when the backend has gone idle with some
     * not yet sent, 10 s later (PGSTAT_IDLE_INTERVAL): a snapshot waits this long once the platform has settled.
     */
    private static final long STATISTICS_DELAY_MILLIS = 11_000;

    /** Counters at one moment; each per service. */
    record Snapshot(Map<String, Long> endOffsets, Map<Service, Long> consumed, Map<Service, Long> rows,
                    Map<Service, Long> transactions, long waitingDeliveries) {
    }

    private final Map<Service, String> databases;
    private final Map<Service, Db> db;
    private final Db statistics;

    /** {@code statistics} is a connection to a database of none of the services (it reads the server's views). */
    Amplification(Map<Service, String> databases, Map<Service, Db> db, Db statistics) {
        this.databases = databases;
        this.db = db;
        this.statistics = statistics;
    }

    /** The counters now; call it once the platform has settled (outboxes drained, no consumer lag). */
    Snapshot take(Admin admin) {
        // the benchmark's own statement, counted before the wait so that its statistics have arrived like the rest
        long waiting = db.get(Service.NOTIFICATION).count("SELECT count(*) FROM reminder WHERE state = 'PENDING'");
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(STATISTICS_DELAY_MILLIS));
        Map<Service, Long> rows = new EnumMap<>(Service.class);
        Map<Service, Long> transactions = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Db own = db.get(service);
            String name = databases.get(service);
            rows.put(service, statistics.count("""
                    SELECT tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = ?""", name)
                    - own.rowsWritten());
            transactions.put(service, statistics.count(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = ?", name) - own.statements());
        }
        return new Snapshot(endOffsets(admin), consumedOffsets(admin), rows, transactions, waiting);
    }

    /**
     * Prints a table per service of the work per overdue task between two snapshots and keeps each figure; a topic's
     * records count as produced by the service whose outbox holds that topic (dead-letter topics by nobody).
     */
    void report(String phase, Snapshot before, Snapshot after, int overdue, Figures figures) {
        Map<String, Service> producer = new HashMap<>();
        for (Service service : Service.values()) {
            db.get(service).strings("SELECT DISTINCT topic FROM outbox_event")
                    .forEach(topic -> producer.put(topic, service));
        }
        Map<Service, Long> produced = new EnumMap<>(Service.class);
        long unattributed = 0;
        for (Map.Entry<String, Long> end : after.endOffsets().entrySet()) {
            long records = end.getValue() - before.endOffsets().getOrDefault(end.getKey(), 0L);
            Service service = producer.get(end.getKey());
            if (service == null) {
                unattributed += records;
            } else {
                produced.merge(service, records, Long::sum);
            }
        }
        Map<String, Function<Service, Long>> columns = new LinkedHashMap<>();
        columns.put("records produced", service -> produced.getOrDefault(service, 0L));
        columns.put("records consumed", delta(before.consumed(), after.consumed()));
        columns.put("rows written", delta(before.rows(), after.rows()));
        columns.put("transactions", delta(before.transactions(), after.transactions()));
        System.out.printf(Locale.ROOT, "bench: %s: work per overdue task (%d tasks), counted once settled%n", phase,
                overdue);
        System.out.printf(Locale.ROOT, "bench:   %-22s%s%n", "",
                columns.keySet().stream().map(c -> "%18s".formatted(c)).collect(Collectors.joining()));
        Map<String, Long> totals = new HashMap<>();
        for (Service service : Service.values()) {
            StringBuilder line = new StringBuilder();
            columns.forEach((column, of) -> {
                long value = of.apply(service);
                totals.merge(column, value, Long::sum);
                figures.keep(phase + ": " + service.module() + " " + column + " per overdue task",
                        (double) value / overdue, "/task");
                line.append("%18s".formatted(Figures.format((double) value / overdue)));
            });
            System.out.printf(Locale.ROOT, "bench:   %-22s%s%n", service.module(), line);
        }
        StringBuilder line = new StringBuilder();
        columns.keySet().forEach(column -> {
            figures.keep(phase + ": all services " + column + " per overdue task",
                    (double) totals.get(column) / overdue, "/task");
            line.append("%18s".formatted(Figures.format((double) totals.get(column) / overdue)));
        });
        System.out.printf(Locale.ROOT, "bench:   %-22s%s%n", "all services", line);
        // the dispatcher takes a batch a second, so deliveries on the other channels may trail the phase by minutes
        figures.info(phase + ": deliveries waiting for notification-service's dispatcher once settled",
                after.waitingDeliveries(), "deliveries");
        if (unattributed > 0) {
            figures.info(phase + ": records on topics no outbox writes (dead letters)", unattributed, "records");
        }
    }

    private static Function<Service, Long> delta(Map<Service, Long> before, Map<Service, Long> after) {
        return service -> after.get(service) - before.get(service);
    }

    /** Every topic's end offset, summed over its partitions. */
    private static Map<String, Long> endOffsets(Admin admin) {
        try {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition -> partitions.put(
                    new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new HashMap<>();
            admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).forEach((partition, offset) ->
                    ends.merge(partition.topic(), offset.offset(), Long::sum));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the topics' end offsets", e);
        }
    }

    /** Each service's consumer group (named after the service) : its committed offsets, summed. */
    private static Map<Service, Long> consumedOffsets(Admin admin) {
        try {
            Map<Service, Long> consumed = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service.module())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                consumed.put(service, committed.values().stream().filter(o -> o != null)
                        .mapToLong(OffsetAndMetadata::offset).sum());
            }
            return consumed;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the consumer groups' offsets", e);
        }
    }
}
