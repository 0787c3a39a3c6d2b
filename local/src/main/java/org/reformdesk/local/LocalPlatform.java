package org.reformdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.reformdesk.testing.TokenMint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local platform's command line, run by {@code ./reform-desk}:
 * <pre>
 *   up [--reset] [--no-keycloak] start Keycloak, Kafka, the five services and the console (port 8080), load the demo
 *                                city; Ctrl-C stops it
 *   token USER | --partner       print a demo user's (or the partner client's) access token from Keycloak;
 *         | --partner-progress    --partner reads the ledger (ledger:read), --partner-progress files reports
 *   token ROLE [UNIT-ID]         with --no-keycloak: print a token signed with the local key
 *   clock +Nd                    move every service's clock N days forward and sweep deadlines
 * </pre>
 */
public final class LocalPlatform {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path WORK = ROOT.resolve(".local");
    private static final int KEYCLOAK_PORT = 8180;
    private static final int CONSOLE_PORT = 8080;
    /** Stopped by the shutdown hook, which may run before {@code up} has started it. */
    private static volatile ServiceProcess consoleProcess;
    /** Which identity provider the running platform trusts, for the token and clock commands. */
    private static final Path IDENTITY = WORK.resolve("identity");

    private LocalPlatform() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> up(List.of(args).contains("--reset"), !List.of(args).contains("--no-keycloak"));
            case "token" -> token(args);
            case "clock" -> clock(args);
            default -> {
                System.err.println("Usage: ./reform-desk [up [--reset] [--no-keycloak] | token USER | token --partner[-progress]"
                        + " | token ROLE [UNIT-ID] (with --no-keycloak) | clock +Nd]");
                System.exit(2);
            }
        }
    }

    private static void up(boolean reset, boolean withKeycloak) throws InterruptedException {
        Postgres postgres = Postgres.fromEnvironment();
        Map<Service, String> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, service.database());
        }
        Path keycloakHome = withKeycloak ? Keycloak.distribution(WORK.resolve("keycloak")) : null;
        if (reset) {
            databases.values().forEach(postgres::dropDatabase);
            deleteRecursively(WORK.resolve("kafka"));
            if (keycloakHome != null) {
                Keycloak.reset(keycloakHome);
            }
            System.out.println("Reset: dropped the five databases, the Kafka data and the Keycloak realm.");
        }
        Instant start = Instant.now();
        Keycloak keycloak = null;
        Map<String, String> identity;
        String office;
        if (withKeycloak) {
            System.out.println("Starting Keycloak (first start builds it, about a minute) ...");
            keycloak = Keycloak.start(keycloakHome, KEYCLOAK_PORT, WORK.resolve("logs"));
            keycloak.awaitReady(Duration.ofMinutes(4));
            keycloak.ensureConsoleClient();
            identity = keycloak.quarkusConfig();
            office = Keycloak.userToken(keycloak.baseUrl(), "office");
            writeIdentity("keycloak " + keycloak.baseUrl());
        } else {
            TokenMint tokens = TokenMint.inDirectory(WORK.resolve("keys"));
            identity = tokens.quarkusConfig();
            office = tokens.token("office", null, List.of("reform-office"));
            writeIdentity("minted");
        }
        System.out.println("Starting Kafka and the five services (logs in " + WORK.resolve("logs") + ") ...");
        Map<String, String> config = new HashMap<>(Map.of("reform.time.movable", "true",
                "reform.deadline.sweep-every", "10s", "reform.summaries.sweep-every", "10s",
                // notification-service: browsers get Web Push for real; the channels a city configures (SMS, WeCom,
                // DingTalk, FCM) write what they would send to its log
                "reform.channels.preview", "true"));
        config.putAll(WebPushKeys.config(WORK.resolve("vapid")));
        Platform platform;
        try {
            platform = Platform.start(new Platform.Settings(ROOT, WORK, postgres, databases,
                    Platform.defaultPorts(), 9092, 9093, identity, config));
        } catch (RuntimeException e) {
            if (keycloak != null) {
                keycloak.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Keycloak idp = keycloak;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the console, the services, Kafka and Keycloak ...");
            if (consoleProcess != null) {
                consoleProcess.close();
            }
            platform.close();
            if (idp != null) {
                idp.close();
            }
            stopped.countDown();
        }));
        ApiClient tasks = new ApiClient(platform.service(Service.TASK).baseUrl(), office);
        LocalDate today = LocalDate.parse(tasks.get("/api/v1/clock").path("today").asText());
        DemoData.Loaded demo = DemoData.loadIfEmpty(tasks, new ApiClient(platform.service(Service.PILOT).baseUrl(),
                office), today);
        if (keycloak != null) {
            DemoData.scopeDemoUsers(keycloak, tasks);
            Map<String, String> console = new HashMap<>(platform.consoleServices());
            console.putAll(keycloak.consoleConfig());
            // this machine serves plain http: a Secure cookie would never come back
            console.put("quarkus.oidc.authentication.cookie-force-secure", "false");
            consoleProcess = ServiceProcess.startConsole(ROOT, CONSOLE_PORT, console, WORK.resolve("logs"));
            consoleProcess.awaitReady(Duration.ofMinutes(3));
        }
        System.out.printf("%nReform Desk is up in %d s.%n%n", Duration.between(start, Instant.now()).toSeconds());
        if (consoleProcess != null) {
            System.out.printf("  Web console           %s   (sign in as office, leader, wuhua, … password \"%s\")%n",
                    consoleProcess.baseUrl(), Keycloak.DEMO_PASSWORD);
        } else {
            System.out.println("  Web console           not started: it signs people in with Keycloak (drop --no-keycloak)");
        }
        for (Service service : Service.values()) {
            ServiceProcess process = platform.service(service);
            System.out.printf("  %-21s %s/api/v1   OpenAPI %s/q/openapi   Swagger UI %s/q/swagger-ui%n",
                    service.module(), process.baseUrl(), process.baseUrl(), process.baseUrl());
        }
        System.out.println("  Kafka                 " + platform.bootstrapServers());
        if (keycloak != null) {
            System.out.printf("  Keycloak              %s/admin (admin, password in .local/keycloak/admin.password)%n"
                    + "  Demo users            %s (password \"%s\")%n", keycloak.baseUrl(),
                    String.join(", ", Keycloak.DEMO_USERS), Keycloak.DEMO_PASSWORD);
        }
        if (demo != null) {
            System.out.printf("%nDemo city loaded: %d units with their heads and liaisons, two special groups, %d tasks "
                    + "(%d already late), %d pilots.%n", demo.units(),
                    demo.tasks(), demo.overdueTasks().size(), demo.pilots());
            System.out.println("A responsible person with late tasks: " + demo.someResponsiblePerson());
        } else {
            System.out.println("\nKept the data of the last run (./reform-desk up --reset starts afresh).");
        }
        System.out.println("""

                Try it (see README.md):
                  TOKEN=$(./reform-desk token office)
                  curl -s -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8081/api/v1/tasks?timeliness=OVERDUE'
                  ./reform-desk clock +7d      # a week passes: more tasks go late, orders and ranks follow
                  grep preview .local/logs/notification-service.log   # what SMS, WeCom, DingTalk, FCM would send

                Ctrl-C stops everything.""");
        stopped.await();
    }

    private static void token(String[] args) {
        if (args.length < 2) {
            System.err.println("Usage: ./reform-desk token USER   (office, wuhua, …; or --partner, "
                    + "--partner-progress; under --no-keycloak: ROLE [UNIT-ID], group-liaison GROUP-ID)");
            System.exit(2);
        }
        System.out.println(token(args[1], args.length > 2 ? args[2] : null));
    }

    /**
     * A token from the identity provider the running platform trusts: a demo user's (or the partner client's) from
     * Keycloak, or one signed with the local key, where {@code who} is a role, under {@code --no-keycloak}.
     */
    private static String token(String who, String unit) {
        String identity = readIdentity();
        if (identity.startsWith("keycloak ")) {
            String baseUrl = identity.substring("keycloak ".length());
            String partner = Keycloak.PARTNER_CLIENTS.get(who);
            return partner != null
                    ? Keycloak.partnerToken(baseUrl, Keycloak.distribution(WORK.resolve("keycloak")), partner)
                    : Keycloak.userToken(baseUrl, who);
        }
        if (Keycloak.PARTNER_CLIENTS.containsKey(who)) {
            String client = Keycloak.PARTNER_CLIENTS.get(who);
            return TokenMint.inDirectory(WORK.resolve("keys")).partnerToken(client,
                    List.of(Keycloak.PARTNER_SCOPES.get(client)));
        }
        UUID unitId = unit == null ? null : UUID.fromString(unit);
        String role = Keycloak.DEMO_ROLES.getOrDefault(who, who);
        TokenMint mint = TokenMint.inDirectory(WORK.resolve("keys"));
        if (role.equals("group-liaison") && unitId != null) {
            // a group liaison's second argument is the special group their token is bound to
            return mint.groupLiaisonToken(who, unitId);
        }
        String user = who + (unit == null ? "" : "-" + unit.substring(0, 8));
        return mint.token(user, unitId, List.of(role));
    }

    private static void clock(String[] args) {
        if (args.length < 2 || !args[1].matches("\\+\\d+d")) {
            System.err.println("Usage: ./reform-desk clock +Nd   (e.g. +7d)");
            System.exit(2);
        }
        long days = Long.parseLong(args[1].substring(1, args[1].length() - 1));
        String office = token("office", null);
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
        long overdue = new ApiClient("http://127.0.0.1:" + Service.TASK.defaultPort(), office)
                .get("/api/v1/tasks/summary").path("byTimeliness").path("OVERDUE").asLong();
        // the services' own scheduled sweeps may have beaten ours to it, so report where the ledger stands
        System.out.printf("Every service now reads %s; %d task(s) went overdue in this sweep, %d are overdue in all, "
                + "%d pilot summaries went missing.%n", swept.path("today").asText(), swept.path("overdue").asInt(),
                overdue, summaries.path("overdue").asInt());    }

    private static void writeIdentity(String identity) {
        try {
            Files.createDirectories(WORK);
            Files.writeString(IDENTITY, identity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readIdentity() {
        try {
            return Files.exists(IDENTITY) ? Files.readString(IDENTITY).strip() : "minted";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
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
