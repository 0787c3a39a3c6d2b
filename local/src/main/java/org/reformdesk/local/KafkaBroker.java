package org.reformdesk.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.reformdesk.events.Topics;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An Apache Kafka broker (KRaft, one combined broker and controller) in its own JVM, from the Maven
 * artifacts on this launcher's classpath: no Docker, nothing installed. Its data stays in {@code dataDir}
 * under a fixed cluster id, so a second start reuses it.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * Three minutes, as for the services (Platform.READY_TIMEOUT): alone the broker is up in about 4 s, but on a
     * 2-core box at a load average of 40 formatting its storage took 40 s and the broker more than a minute after it.
     */
    private static final Duration READY = Duration.ofMinutes(3);

    /** Any valid id will do; a fixed one lets a restart reuse the formatted storage. */
    private static final String CLUSTER_ID = "UmVmb3JtRGVza0thZmthMQ";
    private static final int PARTITIONS = 3;

    private final Process process;
    private final String bootstrapServers;

    private KafkaBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dataDir.resolve("data").toAbsolutePath(),
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0") + "\n");
            Path log = dataDir.resolve("kafka.log");
            run(List.of("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", config.toString(),
                    "--standalone", "--ignore-formatted"), log).waitFor(READY.toSeconds(), TimeUnit.SECONDS);
            Process broker = run(List.of("kafka.Kafka", config.toString()), log);
            KafkaBroker started = new KafkaBroker(broker, "127.0.0.1:" + port);
            started.awaitReady(READY, log);
            started.createTopics();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    private static Process run(List<String> mainAndArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms128m", "-Xmx384m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited at start; see " + log);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(250);
            }
        }
        close();
        throw new IllegalStateException("The Kafka broker was not ready within " + timeout + "; see " + log);
    }

    /**
     * Creates every topic of the event catalogue and its dead-letter topic up front, with the directory
     * compacted, as the Kubernetes KafkaTopics do, rather than leaving them to auto-creation on first use.
     */
    private void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(Topics.TASKS, Topics.PILOTS, Topics.SUPERVISION, Topics.ASSESSMENT,
                Topics.NOTIFICATIONS, Topics.DIRECTORY)) {
            NewTopic main = new NewTopic(topic, PARTITIONS, (short) 1);
            if (topic.equals(Topics.DIRECTORY)) {
                main.configs(Map.of("cleanup.policy", "compact"));
            }
            topics.add(main);
            topics.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            admin.createTopics(topics.stream().filter(t -> !existing.contains(t.name())).toList())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topics on " + bootstrapServers, e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    /** Stops the broker and waits for it to go. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
