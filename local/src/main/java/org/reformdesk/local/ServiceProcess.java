package org.reformdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One packaged Quarkus application running as its own process, configured through system properties: one of the
 * five services, or the console (which has no {@link Service}: no database, no topic).
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * How every service's JVM runs, here and (as JAVA_OPTS_APPEND) in k8s/base: issue 11 asks each service to be ready
     * within 2 s and to stay under 200 MB resident. Measured on task- and assessment-service (docs/performance.md, "Footprint"):
     * C1 only ({@code TieredStopAtLevel=1}, one compiler thread) takes a third off the CPU a start costs and keeps
     * C2's code and arenas out of memory (some 45 MiB less resident); these services wait on PostgreSQL and Kafka, not
     * on peak-compiled code. With C2 the year-end burst took 123 s instead of 54 s: five JVMs' compiler threads
     * competed for two cores while it ran (docs/performance.md, "Footprint"). The heap commits only what the live set needs (free
     * ratios) up to 192 MiB, room for a spreadsheet import in one transaction.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=32m",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+ExitOnOutOfMemoryError");

    /** glibc's malloc otherwise keeps up to eight arenas per core, tens of MiB that Kafka's and Vert.x's threads leave idle. */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** The console's module; its jar is where {@code ./mvnw package} leaves it, like the services'. */
    public static final String CONSOLE = "console";

    private final Service service;
    private final String module;
    private final Process process;
    private final int port;
    private final Path log;
    private final Instant started;

    private ServiceProcess(Service service, String module, Process process, int port, Path log, Instant started) {
        this.service = service;
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
        this.started = started;
    }

    /** Starts the service's fast-jar; does not wait for it (see {@link #awaitReady}). */
    public static ServiceProcess start(Path root, Service service, int port, Map<String, String> config, Path logDir) {
        return start(service, service.module(), service.jar(root), port, config, logDir);
    }

    /** Starts the packaged console; does not wait for it (see {@link #awaitReady}). */
    public static ServiceProcess startConsole(Path root, int port, Map<String, String> config, Path logDir) {
        return start(null, CONSOLE, root.resolve(CONSOLE).resolve("target/quarkus-app/quarkus-run.jar"), port, config,
                logDir);
    }

    private static ServiceProcess start(Service service, String module, Path jar, int port, Map<String, String> config,
            Path logDir) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable()));
        command.addAll(JVM_OPTIONS);
        // a service that runs out of heap leaves what filled it beside its log, to be read rather than guessed
        command.addAll(List.of("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + logDir.toAbsolutePath()));
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // The AppCDS archive ./mvnw package leaves beside the jar (root pom, profile appcds) names the jar by the
        // relative path it was made with, so the service runs from that directory; without the archive, the JVM
        // just loads every class itself (-Xshare:auto).
        command.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto", "-jar", jar.getFileName().toString()));
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile());
            builder.environment().putAll(ENVIRONMENT);
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(service, module, process, port, log, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service, or null for the console. */
    public Service service() {
        return service;
    }

    public String module() {
        return module;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /q/health/ready} says UP (database and Kafka reachable); returns the time it took. */
    public Duration awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("At start, " + death().orElseThrow());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(module + " was not ready within " + timeout + "; the last lines of "
                + log + ":\n" + tail(log, 12));
    }

    /**
     * Why the process is gone — its exit code and its log's last lines — or empty while it runs; so that a test that
     * can no longer reach a service says which one died and of what, not only that nothing answered.
     */
    public Optional<String> death() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(module + " (pid " + process.pid() + ") exited with code " + process.exitValue()
                + "; the last lines of " + log + ":\n" + tail(log, 12));
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> "    " + (line.length() > 300 ? line.substring(0, 300) + " …" : line))
                    .collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "    (unreadable: " + e.getMessage() + ")";
        }
    }

    /** The CPU time (user and system) the process has used so far; zero where the system does not tell. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident memory in MiB, from /proc (Linux); -1 where that is not available. */
    public long residentMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process outright (SIGKILL, as {@code kill -9}): no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
