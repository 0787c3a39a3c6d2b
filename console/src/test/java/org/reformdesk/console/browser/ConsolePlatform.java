package org.reformdesk.console.browser;

import org.reformdesk.local.ApiClient;
import org.reformdesk.local.DemoData;
import org.reformdesk.local.Keycloak;
import org.reformdesk.local.Platform;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Postgres;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the browser tests run against, as {@code ./reform-desk} runs it: Keycloak with the realm and its demo users
 * (the tests sign in on its real login page), Kafka and the five packaged services on fresh databases, the demo
 * city, and the packaged console, all on free ports. Keycloak starts while the services do.
 */
final class ConsolePlatform implements AutoCloseable {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Duration READY = Duration.ofMinutes(4);

    final Postgres postgres = Postgres.fromEnvironment();
    final Map<Service, String> databases = new EnumMap<>(Service.class);
    final Keycloak keycloak;
    final Platform platform;
    final ServiceProcess console;
    final Map<String, Duration> startTimes = new java.util.LinkedHashMap<>();

    ConsolePlatform() {
        this(Map.of());
    }

    /** With {@code serviceConfig} over the services' settings below (the benchmark's sweep, say). */
    ConsolePlatform(Map<String, String> serviceConfig) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path work = ROOT.resolve("console/target/platform-" + run);
        Path home = keycloakHome();
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
            services = Platform.start(new Platform.Settings(ROOT, work, postgres, databases, ports, Ports.free(),
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
            web = ServiceProcess.startConsole(ROOT, Ports.free(), consoleConfig, work.resolve("logs"));
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

    String consoleUrl() {
        return console.baseUrl();
    }

    String token(String user) {
        return Keycloak.userToken(keycloak.baseUrl(), user);
    }

    ApiClient api(Service service, String user) {
        return new ApiClient(platform.service(service).baseUrl(), token(user));
    }

    /**
     * Moves every service's business clock to {@code now}, task-service's last so its sweep finds the others there
     * (e2e's OverdueChainIT says why), then sweeps deadlines once.
     */
    void moveEveryClock(Instant now) {
        String office = token("office");
        List<Service> taskServiceLast = new ArrayList<>(List.of(Service.values()));
        taskServiceLast.remove(Service.TASK);
        taskServiceLast.add(Service.TASK);
        for (Service service : taskServiceLast) {
            new ApiClient(platform.service(service).baseUrl(), office).put("/api/v1/clock", Map.of("now",
                    now.toString()));
        }
        new ApiClient(platform.service(Service.TASK).baseUrl(), office).post("/api/v1/deadline-sweeps", Map.of(), null);
    }

    /** The Keycloak distribution the build unpacked (console/pom.xml); its scripts lose their mode in the zip. */
    private static Path keycloakHome() {
        String configured = System.getProperty("keycloak.home");
        Path home = configured != null ? Path.of(configured)
                : ROOT.resolve("console/target/keycloak/keycloak-26.7.3");
        if (!Files.isDirectory(home.resolve("bin"))) {
            throw new IllegalStateException("No Keycloak under " + home + ": ./mvnw -pl console verify unpacks "
                    + "org.keycloak:keycloak-quarkus-dist before the browser tests");
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(script -> script.toString().endsWith(".sh")).forEach(script -> script.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
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

    /** Starts everything and keeps it up until Ctrl-C: for looking at the console by hand while changing it. */
    public static void main(String[] args) throws InterruptedException {
        ConsolePlatform platform = new ConsolePlatform();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        System.out.println("console " + platform.consoleUrl() + " keycloak " + platform.keycloak.baseUrl()
                + " started " + platform.startTimes);
        platform.platform.startTimes().forEach((s, t) -> System.out.println(s + " " + t));
        Thread.currentThread().join();
    }
}
