package org.reformdesk.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local platform's command line, run by {@code ./reform-desk}:
 * <pre>
 *   up [--reset]                 start Kafka and the five services, load the demo city, stop with Ctrl-C
 *   token ROLE [UNIT-ID]         print a bearer token (reform-office, unit-officer, leader, inspector, assessor, …)
 *   clock +Nd                    move every service's clock N days forward and sweep deadlines
 * </pre>
 */
public final class LocalPlatform {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path WORK = ROOT.resolve(".local");

    private LocalPlatform() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> up(List.of(args).contains("--reset"));
            case "token" -> token(args);
            case "clock" -> clock(args);
            default -> {
                System.err.println("Usage: ./reform-desk [up [--reset] | token ROLE [UNIT-ID] | clock +Nd]");
                System.exit(2);
            }
        }
    }

    private static void up(boolean reset) throws InterruptedException {
        Postgres postgres = Postgres.fromEnvironment();
        Map<Service, String> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, service.database());
        }
        if (reset) {
            databases.values().forEach(postgres::dropDatabase);
            deleteRecursively(WORK.resolve("kafka"));
            System.out.println("Reset: dropped the five databases and the Kafka data.");
        }
        TokenMint tokens = TokenMint.inDirectory(WORK.resolve("keys"));
        Instant start = Instant.now();
        System.out.println("Starting Kafka and the five services (logs in " + WORK.resolve("logs") + ") ...");
        Platform platform = Platform.start(new Platform.Settings(ROOT, WORK, postgres, databases,
                Platform.defaultPorts(), 9092, 9093, tokens,
                Map.of("reform.time.movable", "true", "reform.deadline.sweep-every", "10s",
                        "reform.summaries.sweep-every", "10s")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services and Kafka ...");
            platform.close();
            stopped.countDown();
        }));
        String office = tokens.token("office", null, List.of("reform-office"));
        ApiClient tasks = new ApiClient(platform.service(Service.TASK).baseUrl(), office);
        LocalDate today = LocalDate.parse(tasks.get("/api/v1/clock").path("today").asText());
        DemoData.Loaded demo = DemoData.loadIfEmpty(tasks, new ApiClient(platform.service(Service.PILOT).baseUrl(),
                office), today);
        System.out.printf("%nReform Desk is up in %d s.%n%n", Duration.between(start, Instant.now()).toSeconds());
        for (Service service : Service.values()) {
            ServiceProcess process = platform.service(service);
            System.out.printf("  %-21s %s/api/v1   OpenAPI %s/q/openapi   Swagger UI %s/q/swagger-ui%n",
                    service.module(), process.baseUrl(), process.baseUrl(), process.baseUrl());
        }
        System.out.println("  Kafka                 " + platform.bootstrapServers());
        if (demo != null) {
            System.out.printf("%nDemo city loaded: %d units, %d tasks (%d already late), %d pilots.%n", demo.units(),
                    demo.tasks(), demo.overdueTasks().size(), demo.pilots());
            System.out.println("A responsible person with late tasks: " + demo.someResponsiblePerson());
        } else {
            System.out.println("\nKept the data of the last run (./reform-desk up --reset starts afresh).");
        }
        System.out.println("""

                Try it (see README.md):
                  TOKEN=$(./reform-desk token reform-office)
                  curl -s -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8081/api/v1/tasks?timeliness=OVERDUE'
                  ./reform-desk clock +7d      # a week passes: more tasks go late, orders and ranks follow

                Ctrl-C stops everything.""");
        stopped.await();
    }

    private static void token(String[] args) {
        if (args.length < 2) {
            System.err.println("Usage: ./reform-desk token ROLE [UNIT-ID]");
            System.exit(2);
        }
        UUID unit = args.length > 2 ? UUID.fromString(args[2]) : null;
        String user = args[1] + (unit == null ? "" : "-" + args[2].substring(0, 8));
        System.out.println(TokenMint.inDirectory(WORK.resolve("keys")).token(user, unit, List.of(args[1])));
    }

    private static void clock(String[] args) {
        if (args.length < 2 || !args[1].matches("\\+\\d+d")) {
            System.err.println("Usage: ./reform-desk clock +Nd   (e.g. +7d)");
            System.exit(2);
        }
        long days = Long.parseLong(args[1].substring(1, args[1].length() - 1));
        String office = TokenMint.inDirectory(WORK.resolve("keys")).token("office", null, List.of("reform-office"));
        Instant now = Instant.parse(new ApiClient("http://127.0.0.1:" + Service.TASK.defaultPort(), office)
                .get("/api/v1/clock").path("now").asText());
        Instant moved = now.plus(Duration.ofDays(days));
        for (Service service : Service.values()) {
            new ApiClient("http://127.0.0.1:" + service.defaultPort(), office).put("/api/v1/clock", Map.of("now",
                    moved.toString()));
        }
        JsonNode swept = new ApiClient("http://127.0.0.1:" + Service.TASK.defaultPort(), office)
                .post("/api/v1/deadline-sweeps", Map.of(), null);
        JsonNode summaries = new ApiClient("http://127.0.0.1:" + Service.PILOT.defaultPort(), office)
                .post("/api/v1/summary-sweeps", Map.of(), null);
        System.out.printf("Every service now reads %s; the sweeps found %d newly overdue task(s) and %d missing "
                + "pilot summaries.%n", swept.path("today").asText(), swept.path("overdue").asInt(),
                summaries.path("overdue").asInt());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
