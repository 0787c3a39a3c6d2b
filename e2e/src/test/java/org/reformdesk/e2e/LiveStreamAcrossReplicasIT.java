package org.reformdesk.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.Topics;
import org.reformdesk.local.Platform;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Postgres;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TokenMint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service replicas share the reminder consumers' partitions, as in Kubernetes: a person's live
 * stream, on whichever replica it is open, shows every reminder of theirs, including those the other replica's
 * consumer delivered.
 */
class LiveStreamAcrossReplicasIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Postgres POSTGRES = Postgres.fromEnvironment();
    private static final Map<Service, String> DATABASES = new EnumMap<>(Service.class);
    private static final TokenMint TOKENS = TokenMint.generate();

    private static Platform platform;
    private static ServiceProcess replicaB;

    @BeforeAll
    static void startThePlatformAndASecondReplica() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            DATABASES.put(service, "e2e_" + service.name().toLowerCase() + "_" + run);
            ports.put(service, Ports.free());
        }
        platform = Platform.start(new Platform.Settings(ROOT, ROOT.resolve("e2e/target/platform-" + run), POSTGRES,
                DATABASES, ports, Ports.free(), Ports.free(), TOKENS.quarkusConfig(), Map.of()));
        replicaB = platform.startReplica(Service.NOTIFICATION, Ports.free());
    }

    @AfterAll
    static void stopThePlatform() {
        if (replicaB != null) {
            replicaB.close();
        }
        if (platform != null) {
            platform.close();
        }
        DATABASES.values().forEach(POSTGRES::dropDatabase);
    }

    @Test
    void aPersonsStreamOnEitherReplicaShowsTheRemindersTheOtherReplicaDelivered() throws Exception {
        UUID person = UUID.randomUUID();
        String token = TOKENS.personToken("liaison-e2e", person, null, List.of("unit-officer"));
        List<String> onA = stream(platform.service(Service.NOTIFICATION).baseUrl(), token);
        List<String> onB = stream(replicaB.baseUrl(), token);
        awaitBothReplicasConsume(Topics.TASKS);

        List<String> codes = new ArrayList<>();
        try (EventSender sender = EventSender.on(platform.bootstrapServers())) {
            // tasks are keyed by id: nine of them land on every partition, so both replicas' consumers deliver some
            for (int i = 1; i <= 9; i++) {
                String code = "KM-LIVE-" + i;
                codes.add(code);
                sender.send(TaskOverdue.of(UUID.randomUUID(), code, "深化行政审批制度改革", UUID.randomUUID(), person,
                        LocalDate.of(2026, 3, 31)));
            }
        }

        for (List<String> stream : List.of(onA, onB)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(codes)
                    .allSatisfy(code -> assertThat(stream).anySatisfy(event -> assertThat(event).contains(code))));
        }
        assertThat(onA).as("each reminder once on a stream").hasSize(codes.size());
        assertThat(onB).hasSize(codes.size());
    }

    /** Opens a person's stream and collects its data lines as they come. */
    private static List<String> stream(String baseUrl, String token) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/notifications/stream"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET()
                        .build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:"))
                .forEach(events::add), "stream-" + baseUrl);
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /** Until the two replicas' consumers share the topic's partitions, each holding some. */
    private static void awaitBothReplicasConsume(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                var group = admin.describeConsumerGroups(List.of("notification-service")).all()
                        .get(10, TimeUnit.SECONDS).get("notification-service");
                long holders = group.members().stream().map(MemberDescription::assignment)
                        .filter(assignment -> assignment.topicPartitions().stream()
                                .anyMatch(partition -> partition.topic().equals(topic)))
                        .count();
                return holders == 2;
            });
        }
    }
}
