package org.reformdesk.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform with its web console as {@code ./reform-desk up} runs it, but on free ports and fresh databases that
 * {@link #close} drops: Keycloak with the realm and its demo users (people sign in on its real login page), Kafka and
 * the five packaged services, the demo city, and the packaged console. The console's browser tests and the console's
 * benchmark (bench's {@code ConsoleScenario}) run against it. Keycloak starts while the services do.
 */
public final class ConsolePlatform implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(4);

    private final Postgres postgres = Postgres.fromEnvironment();
    private final Map<Service, String> databases = new EnumMap<>(Service.class);
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private final Keycloak keycloak;
    private final Platform platform;
    private final ServiceProcess console;

    private ConsolePlatform(Path root, Path target, Map<String, String> serviceConfig) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path work = target.resolve("platform-" + run);
        Path home = Keycloak.distribution(target.resolve("keycloak"));
        Keycloak.reset(home);
        Instant started = Instant.now();
        keycloak = Keycloak.start(home, Ports.free(), work.resolve("logs"));
        Platform services = null;
        ServiceProcess web = null;
        try {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                databases.put(service, "console_" + service.name().toLowerCase() + "_" + run);
                ports.put(service, Ports.free());
            }
            Map<String, String> config = new HashMap<>();
            config.put("reform.time.movable", "true");
            config.put("reform.deadline.sweep-every", "1s");
            config.put("reform.summaries.sweep-every", "off");
            config.putAll(serviceConfig);
            services = Platform.start(new Platform.Settings(root, work, postgres, databases, ports, Ports.free(),
                    Ports.free(), keycloak.quarkusConfig(), config), READY);
            startTimes.put("five services", Duration.between(started, Instant.now()));
            keycloak.awaitReady(READY);
            keycloak.ensureConsoleClient();
            startTimes.put("keycloak", Duration.between(started, Instant.now()));
            String office = Keycloak.userToken(keycloak.baseUrl(), "office");
            ApiClient tasks = new ApiClient(services.service(Service.TASK).baseUrl(), office);
            LocalDate today = LocalDate.parse(tasks.get("/api/v1/clock").path("today").asText());
            DemoData.loadIfEmpty(tasks, new ApiClient(services.service(Service.PILOT).baseUrl(), office), today);
            DemoData.scopeDemoUsers(keycloak, tasks);
            Map<String, String> consoleConfig = new HashMap<>(services.consoleServices());
            consoleConfig.putAll(keycloak.consoleConfig());
            consoleConfig.put("quarkus.oidc.authentication.cookie-force-secure", "false");
            web = ServiceProcess.startConsole(root, Ports.free(), consoleConfig, work.resolve("logs"));
            web.awaitReady(READY);
            startTimes.put("console", Duration.between(started, Instant.now()));
        } catch (RuntimeException | Error e) {
            if (web != null) {
                web.close();
            }
            if (services != null) {
                services.close();
            }
            keycloak.close();
            databases.values().forEach(postgres::dropDatabase);
            throw e;
        }
        platform = services;
        console = web;
    }

    /**
     * Starts it from the packaged jars under {@code root}, with {@code serviceConfig} over the services' settings (the
     * benchmark's sweep, say). {@code target} is the calling module's build directory: Keycloak is expected unpacked
     * under its {@code keycloak/} (the console's and bench's builds put it there), and the logs go to its
     * {@code platform-<run>/}.
     */
    public static ConsolePlatform start(Path root, Path target, Map<String, String> serviceConfig) {
        return new ConsolePlatform(root, target, serviceConfig);
    }

    public String consoleUrl() {
        return console.baseUrl();
    }

    /** How long from the start until the services, Keycloak and the console were each ready. */
    public Map<String, Duration> startTimes() {
        return startTimes;
    }

    /** A JDBC URL of the service's database, for what a benchmark seeds behind the service's back. */
    public String jdbcUrl(Service service) {
        return postgres.jdbcUrl(databases.get(service));
    }

    public Postgres postgres() {
        return postgres;
    }

    /** A demo user's access token, from Keycloak's password grant. */
    public String token(String user) {
        return Keycloak.userToken(keycloak.baseUrl(), user);
    }

    /** A client of the service's API as the demo user. */
    public ApiClient api(Service service, String user) {
        return platform.api(service, token(user));
    }

    /**
     * Moves every service's business clock to {@code now}, task-service's last so its sweep finds the others there
     * (e2e's OverdueChainIT says why), then sweeps deadlines once.
     */
    public void moveEveryClock(Instant now) {
        String office = token("office");
        List<Service> taskServiceLast = new ArrayList<>(List.of(Service.values()));
        taskServiceLast.remove(Service.TASK);
        taskServiceLast.add(Service.TASK);
        for (Service service : taskServiceLast) {
            platform.api(service, office).put("/api/v1/clock", Map.of("now", now.toString()));
        }
        platform.api(Service.TASK, office).post("/api/v1/deadline-sweeps", Map.of(), null);
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        if (platform != null) {
            platform.close();
        }
        keycloak.close();
        databases.values().forEach(postgres::dropDatabase);
    }

    /**
     * Starts everything and keeps it up until Ctrl-C, for looking at the console by hand while changing it: run from
     * the repository after a {@code ./mvnw -pl console -am verify} has packaged it and unpacked Keycloak under
     * {@code console/target/keycloak}.
     */
    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        ConsolePlatform platform = start(root, root.resolve("console/target"), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        System.out.println("console " + platform.consoleUrl() + " keycloak " + platform.keycloak.baseUrl()
                + " started " + platform.startTimes);
        platform.platform.startTimes().forEach((s, t) -> System.out.println(s + " " + t));
        Thread.currentThread().join();
    }
}
