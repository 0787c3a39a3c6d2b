package org.reformdesk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the platform scenarios of docs/performance.md in one sitting (bench/run.sh): starts the platform and loads the
 * city ({@link BenchRun}), seeds and runs the scenarios named in its arguments, or all of them, in their fixed order,
 * prints each figure beside its goal and writes them all to {@code bench/target/results.json}. A count of effects
 * that is not exact (a loss, a duplicate) fails the run.
 */
public final class PlatformBench {

    /** Every platform scenario by its name on the command line, in the order a run takes them. */
    private static final Map<String, Supplier<Scenario>> SCENARIOS = new LinkedHashMap<>();

    static {
        // the trickle first, on services that have just started (after its own warm-up); escalation climbs the orders
        // the trickle and the burst issued; notification and scoring publish overdue events of tasks task-service does
        // not have, whose orders and deductions would change the scenarios before them, so they come after; the
        // ledger's imports leave the consumers minutes of task-created events, so it is the last on the platform; the
        // footprint's start-alone needs the platform stopped
        SCENARIOS.put("trickle", TrickleScenario::new);
        SCENARIOS.put("burst", BurstScenario::new);
        SCENARIOS.put("escalation", EscalationScenario::new);
        SCENARIOS.put("notification", NotificationScenario::new);
        SCENARIOS.put("scoring", ScoringScenario::new);
        SCENARIOS.put("ledger", LedgerScenario::new);
        SCENARIOS.put("footprint", FootprintScenario::new);
    }

    private PlatformBench() {
    }

    public static void main(String[] args) {
        List<String> unknown = new ArrayList<>(List.of(args));
        unknown.removeAll(SCENARIOS.keySet());
        if (!unknown.isEmpty()) {
            System.out.println("bench: no platform scenario " + unknown + "; there are " + SCENARIOS.keySet());
            System.exit(2);
        }
        List<String> names = SCENARIOS.keySet().stream()
                .filter(name -> args.length == 0 || List.of(args).contains(name)).toList();
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        BenchRun run = new BenchRun(root);
        // Ctrl-C or a kill must not leave the broker and five services running, nor their databases behind
        Runtime.getRuntime().addShutdownHook(new Thread(run::cleanUp));
        int status = 0;
        try {
            run(run, names);
        } catch (RuntimeException e) {
            System.out.println("bench: FAILED: " + e.getMessage());
            e.printStackTrace(System.out);
            status = 1;
        }
        System.exit(status);
    }

    private static void run(BenchRun run, List<String> names) {
        List<Scenario> scenarios = names.stream().map(name -> SCENARIOS.get(name).get()).toList();
        Figures figures = run.figures;
        figures.context("run", run.id());
        figures.context("machine", BenchRun.machine());
        figures.context("scenarios", String.join(" ", names));
        figures.context("sizes", "tasks=%d ".formatted(run.tasks) + scenarios.stream().map(Scenario::sizes)
                .filter(sizes -> !sizes.isEmpty()).collect(Collectors.joining(" ")));
        System.out.println("bench: run " + run.id() + " of " + String.join(", ", names) + " on " + BenchRun.machine());
        run.start();
        scenarios.forEach(scenario -> scenario.seed(run));
        run.awaitSeed();
        scenarios.forEach(scenario -> scenario.run(run));
        run.stopPlatform();
        scenarios.forEach(scenario -> scenario.afterPlatform(run));
        figures.write(run.target.resolve("results.json"));
        long unmet = figures.withGoals().stream().filter(f -> !f.met()).count();
        System.out.printf("bench: %d of %d goals met; results in %s%n", figures.withGoals().size() - unmet,
                figures.withGoals().size(), run.target.resolve("results.json"));
    }
}
