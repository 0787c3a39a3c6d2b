package org.reformdesk.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.reformdesk.events.Topics;
import org.reformdesk.local.ApiClient;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;
import org.reformdesk.testing.EventSender;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rest of the fault profile ({@code -Pfaults} only): cut database connections, two sweeping replicas,
 * every topic replayed into fresh consumer groups, poison records on every consumed topic, and a client that
 * fetches a token for every request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultProfileIT {

    /** Which services consume which topic (their application.properties). */
    private static final Map<String, List<Service>> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMERS.put(Topics.TASKS, List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT));
        CONSUMERS.put(Topics.DIRECTORY, List.of(Service.NOTIFICATION, Service.ASSESSMENT, Service.PILOT));
        CONSUMERS.put(Topics.PILOTS, List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT));
        CONSUMERS.put(Topics.SUPERVISION, List.of(Service.NOTIFICATION, Service.ASSESSMENT));
        CONSUMERS.put(Topics.ASSESSMENT, List.of(Service.NOTIFICATION));
    }

    /** A type every consumer of the topic reads, for the poison that names a known type but carries bad data. */
    private static final Map<String, String> A_TYPE = Map.of(
            Topics.TASKS, "reform.task.overdue.v1",
            Topics.DIRECTORY, "reform.directory.unit-changed.v1",
            Topics.PILOTS, "reform.pilot.registered.v1",
            Topics.SUPERVISION, "reform.supervision.order-issued.v1",
            Topics.ASSESSMENT, "reform.assessment.month-published.v1");

    /**
     * The types a consumer acknowledges unread (platform Inbox): notification-service reads the assessment topic for
     * its monthly bulletins and ignores the live rank changes. Bad data of such a type is counted as ignored, not
     * dead-lettered: the consumer does not read it, so it cannot judge it.
     */
    private static final String IGNORED_TYPE = "reform.assessment.ranking-updated.v1";

    private static final Service[] STATEFUL = {Service.TASK, Service.NOTIFICATION, Service.INSPECTION,
            Service.ASSESSMENT};

    private static FaultRig rig;

    @BeforeAll
    static void startThePlatform() {
        rig = new FaultRig();
    }

    @AfterAll
    static void stopThePlatform() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void servicesWhoseDatabaseConnectionsAreCutMidBurstRecoverWithoutARestart() throws Exception {
        FaultRig.Burst burst = rig.seed("cut-connections", FaultRig.tasks());
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            pids.put(service, rig.platform.service(service).pid());
        }
        long started = System.nanoTime();
        rig.passTheDeadline();
        await().atMost(FaultRig.SETTLE).pollInterval(Duration.ofMillis(20))
                .until(() -> rig.reminders(burst) >= burst.size() / 5);
        int cut = 0;
        for (Service service : STATEFUL) {
            try (Connection admin = rig.connect(service); PreparedStatement terminate = admin.prepareStatement("""
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()""");
                 ResultSet terminated = terminate.executeQuery()) {
                terminated.next();
                cut += terminated.getInt(1);
            }
        }
        System.out.printf("fault:   %d connections of %s cut with %d of %d reminders in%n", cut, List.of(STATEFUL),
                rig.reminders(burst), burst.size());

        List<FaultRig.Effect> effects = rig.settle(burst);
        FaultRig.report("database connections cut mid-burst", effects, started);
        assertThat(cut).isPositive();
        for (Service service : Service.values()) {
            assertThat(rig.platform.service(service).pid()).as("not restarted").isEqualTo(pids.get(service));
            assertThat(rig.platform.service(service).isAlive()).isTrue();
            assertThat(FaultRig.readiness(rig.platform.service(service).baseUrl())).isEqualTo(200);
        }
        assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
    }

    @Test
    @Order(2)
    void twoReplicasOfTaskServiceSweepingAtOnceEmitOneOverdueEventPerTaskAndDeadline() {
        ServiceProcess replica = rig.startReplica(Service.TASK);
        try {
            FaultRig.Burst burst = rig.seed("two-sweepers", FaultRig.tasks());
            long started = System.nanoTime();
            rig.passTheDeadline();
            // besides both schedules, both replicas asked to sweep at the same moment
            List<String> sweepers = List.of(rig.platform.service(Service.TASK).baseUrl(), replica.baseUrl());
            FaultRig.parallel(2, i -> new ApiClient(sweepers.get(i), rig.officeToken())
                    .post("/api/v1/deadline-sweeps", Map.of(), null));
            List<FaultRig.Effect> effects = rig.settle(burst);
            FaultRig.report("two task-service replicas sweeping", effects, started);
            assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
        } finally {
            rig.stopReplica(replica);
        }
    }

    @Test
    @Order(3)
    void everyTopicReplayedFromOffsetZeroIntoFreshConsumerGroupsChangesNothing() {
        Map<String, Long> before = totals();
        long started = System.nanoTime();
        String suffix = "-replay-" + UUID.randomUUID().toString().substring(0, 8);
        Service[] consumers = {Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT, Service.PILOT};
        List<String> groups = new ArrayList<>();
        for (Service consumer : consumers) {
            groups.add(consumer.module() + suffix);
        }
        rig.platform.restart(Map.of("mp.messaging.connector.smallrye-kafka.group.id",
                "${quarkus.application.name}" + suffix), consumers);
        rig.consumeInGroupsWith(suffix);
        for (Service consumer : consumers) {
            rig.realignClock(consumer);
        }
        await().atMost(FaultRig.SETTLE).pollInterval(Duration.ofSeconds(1)).until(() ->
                groups.stream().allMatch(this::hasCommitted));
        rig.awaitQuiet(groups.toArray(String[]::new));
        Map<String, Long> after = totals();

        List<FaultRig.Effect> effects = new ArrayList<>();
        before.forEach((table, count) -> effects.add(new FaultRig.Effect(table + " rows", count, after.get(table),
                Math.max(0, count - after.get(table)), Math.max(0, after.get(table) - count))));
        FaultRig.report("replay of every topic from offset 0", effects, started);
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(4)
    void poisonOnEveryConsumedTopicIsDeadLetteredWithItsReasonCountedAndTheConsumerGoesOn() throws Exception {
        Map<Service, Double> deadLetteredBefore = new EnumMap<>(Service.class);
        for (Service service : List.of(Service.NOTIFICATION, Service.INSPECTION, Service.ASSESSMENT, Service.PILOT)) {
            deadLetteredBefore.put(service, metric(service, "reform_inbox_dead_lettered_total", ""));
        }
        double ignoredBefore = metric(Service.NOTIFICATION, "reform_inbox_ignored_total", IGNORED_TYPE);
        long started = System.nanoTime();
        String key = "poison-" + UUID.randomUUID();
        Map<String, Integer> sent = new LinkedHashMap<>();
        try (EventSender sender = EventSender.on(rig.platform.bootstrapServers())) {
            for (String topic : CONSUMERS.keySet()) {
                String type = A_TYPE.get(topic);
                sender.sendRaw(topic, key, "{\"broken\": ", headers(type));
                sender.sendRaw(topic, key, "{}", headers("not a known type"));
                sender.sendRaw(topic, key, "{\"id\": 42}", headers(type));
                Map<String, String> noId = headers(type);
                noId.remove("ce_id");
                sender.sendRaw(topic, key, "{}", noId);
                sent.put(topic, 4);
            }
            // an ignored type's broken envelope is dead-lettered; its broken data is only counted
            Map<String, String> ignoredNoId = headers(IGNORED_TYPE);
            ignoredNoId.remove("ce_id");
            sender.sendRaw(Topics.ASSESSMENT, key, "{}", ignoredNoId);
            sent.merge(Topics.ASSESSMENT, 1, Integer::sum);
            sender.sendRaw(Topics.ASSESSMENT, key + "-ignored", "{\"broken\": ", headers(IGNORED_TYPE));
            sender.sendRaw(Topics.ASSESSMENT, key + "-ignored", "{\"id\": 42}", headers(IGNORED_TYPE));
        }
        // counted before the good burst, whose deductions announce rank changes of their own
        rig.awaitQuiet();
        long ignored = Math.round(metric(Service.NOTIFICATION, "reform_inbox_ignored_total", IGNORED_TYPE)
                - ignoredBefore);
        List<FaultRig.Effect> effects = new ArrayList<>();
        effects.add(new FaultRig.Effect("notification ignored-type metric", 2, ignored, Math.max(0, 2 - ignored),
                Math.max(0, ignored - 2)));

        // a good burst after the poison: every consumer went on
        FaultRig.Burst after = rig.seed("after-poison", 20);
        rig.passTheDeadline();
        effects.addAll(rig.settle(after));

        Map<Service, Integer> expectedPerService = new EnumMap<>(Service.class);
        for (Map.Entry<String, List<Service>> topic : CONSUMERS.entrySet()) {
            List<ConsumerRecord<String, String>> dead = deadLetters(Topics.deadLetter(topic.getKey()), key);
            long withReason = dead.stream().filter(r -> header(r, "dead-letter-reason") != null).count();
            int expected = sent.get(topic.getKey()) * topic.getValue().size();
            effects.add(new FaultRig.Effect(Topics.deadLetter(topic.getKey()) + " with reason", expected, withReason,
                    Math.max(0, expected - withReason), Math.max(0, dead.size() - expected)));
            topic.getValue().forEach(service -> expectedPerService.merge(service, sent.get(topic.getKey()), Integer::sum));
        }
        List<ConsumerRecord<String, String>> ignoredDead = deadLetters(Topics.deadLetter(Topics.ASSESSMENT),
                key + "-ignored");
        effects.add(new FaultRig.Effect("ignored type's bad data not dead-lettered", 0, ignoredDead.size(), 0,
                ignoredDead.size()));
        for (Map.Entry<Service, Integer> service : expectedPerService.entrySet()) {
            long counted = Math.round(metric(service.getKey(), "reform_inbox_dead_lettered_total", "")
                    - deadLetteredBefore.get(service.getKey()));
            effects.add(new FaultRig.Effect(service.getKey().module() + " dead-letter metric", service.getValue(),
                    counted, Math.max(0, service.getValue() - counted), Math.max(0, counted - service.getValue())));
        }
        FaultRig.report("poison on every consumed topic", effects, started);
        assertThat(effects).allMatch(FaultRig.Effect::exact, "exactly once");
    }

    @Test
    @Order(5)
    void aClientWithAFreshTokenForEveryRequestCannotExhaustAServicesHeap() throws Exception {
        ServiceProcess task = rig.platform.service(Service.TASK);
        int requests = Integer.getInteger("faults.token-flood", 50_000);
        long heapBefore = heapAfterFullGc(task);
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI ledger = URI.create(task.baseUrl() + "/api/v1/units?size=1");
        AtomicInteger answered = new AtomicInteger();
        // a partner client that fetches a token for every call: each request a token task-service has not seen
        FaultRig.parallel(requests, i -> {
            String token = rig.tokens.token("flood-" + i, null, List.of("leader"));
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ledger)
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200 ? answered.incrementAndGet() : 0;
            } catch (Exception e) {
                rig.platform.assertRunning();
                throw new IllegalStateException(e);
            }
        });
        rig.platform.assertRunning();
        long heapAfter = heapAfterFullGc(task);
        System.out.printf("fault: %-36s %d requests, %d answered 200, heap after a full GC %d MiB before, %d MiB after"
                + " (took %d s)%n", "a fresh token for every request", requests, answered.get(), heapBefore >> 20,
                heapAfter >> 20, (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(answered.get()).isEqualTo(requests);
        // the verified tokens task-service keeps are bounded to 16 MiB (platform security.VerifiedTokens)
        assertThat(heapAfter - heapBefore).isLessThan(24L << 20);
    }

    /** The service's used heap right after a full collection (jcmd GC.run, then its own metrics). */
    private static long heapAfterFullGc(ServiceProcess service) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(service.pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        assertThat(gc.waitFor()).isZero();
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service.baseUrl() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return Math.round(metrics.body().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf('}') + 1).trim().split(" ")[0]))
                .sum());
    }

    private static Map<String, String> headers(String type) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", "/reform-desk/fault-test");
        headers.put("content-type", "application/json");
        return headers;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead-letter topic's records with {@code key}, read from the start until none has come for a while. */
    private static List<ConsumerRecord<String, String>> deadLetters(String topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.platform.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /** The sum of a counter on /q/metrics over every label, of the series whose labels contain {@code labelText}. */
    private static double metric(Service service, String name, String labelText) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(rig.platform.service(service).baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith(name + "{") && line.contains(labelText))
                // name{labels} value [timestamp]
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf('}') + 1).trim().split(" ")[0]))
                .sum();
    }

    private boolean hasCommitted(String group) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                rig.platform.bootstrapServers()))) {
            return !admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Rows of every effect and every emitted event, in every service's database. */
    private static Map<String, Long> totals() {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("task outbox", rig.count(Service.TASK, "SELECT count(*) FROM outbox_event", List.of()));
        totals.put("notification reminders", rig.count(Service.NOTIFICATION, "SELECT count(*) FROM reminder", List.of()));
        totals.put("notification outbox", rig.count(Service.NOTIFICATION, "SELECT count(*) FROM outbox_event", List.of()));
        totals.put("inspection orders", rig.count(Service.INSPECTION, "SELECT count(*) FROM supervision_order", List.of()));
        totals.put("inspection outbox", rig.count(Service.INSPECTION, "SELECT count(*) FROM outbox_event", List.of()));
        totals.put("assessment score entries", rig.count(Service.ASSESSMENT, "SELECT count(*) FROM score_entry", List.of()));
        totals.put("assessment outbox", rig.count(Service.ASSESSMENT, "SELECT count(*) FROM outbox_event", List.of()));
        totals.put("pilot outbox", rig.count(Service.PILOT, "SELECT count(*) FROM outbox_event", List.of()));
        return totals;
    }
}
