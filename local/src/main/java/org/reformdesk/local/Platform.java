package org.reformdesk.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole platform as processes: one Kafka broker and the five packaged services, each on its own
 * database, all trusting one identity provider. The local run and the end-to-end tests both start it this
 * way.
 */
public final class Platform implements AutoCloseable {

    /** Three minutes: alone a service is ready in seconds, but five starting at once on a loaded 2-core box took 100 s. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * How to start it.
     *
     * @param root the repository checkout (the services' jars are under it)
     * @param workDir where the broker's data and the logs go
     * @param databases each service's database name on {@code postgres}
     * @param ports each service's HTTP port
     * @param identity how the services verify bearer tokens (a local key's, or an OIDC provider's)
     * @param config settings every service gets on top of the connection settings
     */
    public record Settings(Path root, Path workDir, Postgres postgres, Map<Service, String> databases,
            Map<Service, Integer> ports, int kafkaPort, int controllerPort, Map<String, String> identity,
            Map<String, String> config) {
    }

    private final Settings settings;
    private volatile KafkaBroker kafka;
    private final Map<Service, ServiceProcess> services;
    private final Map<Service, Duration> startTimes;

    private Platform(Settings settings, KafkaBroker kafka, Map<Service, ServiceProcess> services,
            Map<Service, Duration> startTimes) {
        this.settings = settings;
        this.kafka = kafka;
        this.services = services;
        this.startTimes = startTimes;
    }

    public static Platform start(Settings settings) {
        return start(settings, READY_TIMEOUT);
    }

    /** Starts it, allowing each service {@code readyTimeout} to be ready (a loaded machine starts slower). */
    public static Platform start(Settings settings, Duration readyTimeout) {
        for (Service service : Service.values()) {
            settings.postgres().ensureDatabase(settings.databases().get(service));
        }
        KafkaBroker kafka = KafkaBroker.start(settings.workDir().resolve("kafka"), settings.kafkaPort(),
                settings.controllerPort());
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        try {
            for (Service service : Service.values()) {
                services.put(service, ServiceProcess.start(settings.root(), service, settings.ports().get(service),
                        config(settings, service, kafka, Map.of()), settings.workDir().resolve("logs")));
            }
            Map<Service, Duration> startTimes = new EnumMap<>(Service.class);
            for (ServiceProcess process : services.values()) {
                startTimes.put(process.service(), process.awaitReady(readyTimeout));
            }
            return new Platform(settings, kafka, services, startTimes);
        } catch (RuntimeException e) {
            services.values().forEach(ServiceProcess::close);
            kafka.close();
            throw e;
        }
    }

    private static Map<String, String> config(Settings settings, Service service, KafkaBroker kafka,
            Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(settings.config());
        config.put("quarkus.datasource.jdbc.url", settings.postgres().jdbcUrl(settings.databases().get(service)));
        config.put("quarkus.datasource.username", settings.postgres().user());
        config.put("quarkus.datasource.password", settings.postgres().password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.putAll(settings.identity());
        config.putAll(extra);
        return config;
    }

    /** The usual local ports: 8081–8085 for the services, 9092 and 9093 for Kafka. */
    public static Map<Service, Integer> defaultPorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return ports;
    }

    /**
     * The console's settings for these services: each of its REST clients (named after the services, as in its
     * application.properties) pointed at the running service.
     */
    public Map<String, String> consoleServices() {
        Map<String, String> config = new HashMap<>();
        services.forEach((service, process) -> config.put("quarkus.rest-client."
                + service.name().toLowerCase(java.util.Locale.ROOT) + ".url", process.baseUrl()));
        return config;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    /** A client of the service's API that, if the service has died, says so and why. */
    public ApiClient api(Service service, String token) {
        return new ApiClient(services.get(service).baseUrl(), token, () -> services.get(service).death());
    }

    /** Fails, naming each and its cause, if any service has died since it was (re)started. */
    public void assertRunning() {
        List<String> deaths = services.values().stream().map(ServiceProcess::death).flatMap(Optional::stream).toList();
        if (!deaths.isEmpty()) {
            throw new IllegalStateException(String.join("\n", deaths));
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How long each service took from launch to ready. */
    public Map<Service, Duration> startTimes() {
        return startTimes;
    }

    public Settings settings() {
        return settings;
    }

    /** Kills a service outright, as {@code kill -9} does; {@link #restart} brings it back. */
    public void kill(Service service) {
        services.get(service).kill();
    }

    /**
     * Starts the services again as they were first started (ports, databases, settings), plus {@code extra}
     * settings, and waits until each is ready; whatever still runs of them is stopped first.
     */
    public Map<Service, Duration> restart(Map<String, String> extra, Service... which) {
        for (Service service : which) {
            services.get(service).close();
            services.put(service, ServiceProcess.start(settings.root(), service, settings.ports().get(service),
                    config(settings, service, kafka, extra), settings.workDir().resolve("logs")));
        }
        Map<Service, Duration> times = new EnumMap<>(Service.class);
        for (Service service : which) {
            times.put(service, services.get(service).awaitReady(READY_TIMEOUT));
        }
        return times;
    }

    /**
     * A second replica of a service on {@code port}, sharing its database and broker, ready when this
     * returns; the caller stops it.
     */
    public ServiceProcess startReplica(Service service, int port) {
        ServiceProcess replica = ServiceProcess.start(settings.root(), service, port,
                config(settings, service, kafka, Map.of()), settings.workDir().resolve("logs/replica-" + port));
        try {
            replica.awaitReady(READY_TIMEOUT);
            return replica;
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    /** Stops the Kafka broker; {@link #startKafka} starts it again on the same port and data. */
    public void stopKafka() {
        kafka.close();
    }

    public void startKafka() {
        kafka = KafkaBroker.start(settings.workDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        kafka.close();
    }
}
