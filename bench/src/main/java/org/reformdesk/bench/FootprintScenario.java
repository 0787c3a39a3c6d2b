package org.reformdesk.bench;

import org.reformdesk.local.KafkaBroker;
import org.reformdesk.local.Ports;
import org.reformdesk.local.Service;
import org.reformdesk.local.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Scenario 6, the footprint: each service's time to ready with all five starting at once (the run's own start) and
 * started alone, one after another on a fresh broker once the platform has stopped, and its resident memory after the
 * burst (when the burst did not run, when this scenario did).
 */
final class FootprintScenario implements Scenario {

    private Map<Service, Long> resident;
    private String residentWhen;

    @Override
    public void run(BenchRun run) {
        resident = run.residentAfterBurst();
        residentWhen = "after the burst";
        if (resident == null) {
            resident = run.residentMemory();
            residentWhen = "without a burst";
        }
    }

    @Override
    public void afterPlatform(BenchRun run) {
        Map<Service, Duration> alone = startOneAtATime(run, run.work().resolve("alone"));
        Figures figures = run.figures;
        for (Service service : Service.values()) {
            figures.info(service.module() + ": ready, all five starting at once",
                    run.startedTogether().get(service).toMillis() / 1000.0, "s");
            figures.atMost(service.module() + ": ready, started alone", alone.get(service).toMillis() / 1000.0, "s", 2);
            figures.atMost(service.module() + ": resident memory " + residentWhen, resident.get(service), "MiB", 200);
        }
    }

    /** Starts each packaged service alone on a fresh broker (its database is migrated by now), one after another. */
    private static Map<Service, Duration> startOneAtATime(BenchRun run, Path work) {
        Map<Service, Duration> ready = new EnumMap<>(Service.class);
        try (KafkaBroker kafka = run.starting(() -> KafkaBroker.start(work.resolve("kafka"), Ports.free(),
                Ports.free()))) {
            for (Service service : Service.values()) {
                Map<String, String> config = new HashMap<>(run.tokens().quarkusConfig());
                config.put("quarkus.datasource.jdbc.url", run.postgres().jdbcUrl(run.database(service)));
                config.put("quarkus.datasource.username", run.postgres().user());
                config.put("quarkus.datasource.password", run.postgres().password());
                config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                try (ServiceProcess process = run.starting(() -> ServiceProcess.start(run.root, service, Ports.free(),
                        config, work.resolve("logs")))) {
                    ready.put(service, process.awaitReady(run.readyTimeout()));
                }
            }
        }
        return ready;
    }
}
