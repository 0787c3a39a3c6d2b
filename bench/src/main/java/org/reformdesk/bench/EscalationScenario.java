package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.reformdesk.local.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.reformdesk.bench.BenchRun.check;
import static org.reformdesk.bench.BenchRun.millis;

/**
 * Scenario 4, escalation: moves the clocks past every open first-rung order's reply-by date and times one escalation
 * sweep until every order is superseded and its events are out; once the platform has stopped, runs the Flowable
 * reference outside the repository and compares its first-rung escalation rate. Run without the burst or the trickle
 * before it, it first makes {@code -Dbench.tasks} tasks overdue the burst's way, unmeasured, for orders to escalate.
 */
final class EscalationScenario implements Scenario {

    private static final String ESCALATED = "reform.supervision.order-escalated.v1";
    private static final Pattern REFERENCE_LINE = Pattern.compile("first-rung escalation (\\d+) in ([0-9.]+) s");

    private final String reference = System.getProperty("bench.reference", "run");
    private double rate;

    @Override
    public String sizes() {
        return "reference=" + reference;
    }

    @Override
    public void run(BenchRun run) {
        Db inspection = run.db(Service.INSPECTION);
        long due = openFirstRungOrders(inspection);
        if (due == 0) {
            issueFirstRungOrders(run);
            due = openFirstRungOrders(inspection);
        }
        long escalatedBefore = inspection.count("SELECT count(*) FROM outbox_event WHERE type = ?", ESCALATED);
        Instant t0 = Instant.now();
        run.moveClocks(run.clock().plus(Duration.ofDays(30)));
        JsonNode swept = run.rest().post(run.url(Service.INSPECTION) + "/api/v1/orders/escalation-sweeps", Map.of());
        Instant sweptAt = Instant.now();
        long expected = due;
        run.await("escalation of " + due + " orders", () -> inspection.count(
                "SELECT count(*) FROM outbox_event WHERE type = ? AND published_at IS NOT NULL", ESCALATED)
                - escalatedBefore >= expected && inspection.count(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        Duration offset = run.offsets().get(Service.INSPECTION);
        long superseded = inspection.count(
                "SELECT count(*) FROM supervision_order WHERE rung = 'REMINDER_NOTICE' AND state = 'SUPERSEDED'");
        long secondRung = inspection.count("SELECT count(*) FROM supervision_order WHERE rung = 'ASSIGNMENT_NOTICE'");
        long escalated = inspection.count("SELECT count(*) FROM outbox_event WHERE type = ?", ESCALATED)
                - escalatedBefore;
        check(superseded == due && secondRung == due && escalated == due,
                "escalation: %d due, %d superseded, %d second-rung orders, %d escalated events", due, superseded,
                secondRung, escalated);
        Instant out = inspection.instant("SELECT max(published_at) FROM outbox_event WHERE type = ?", ESCALATED)
                .minus(offset);
        double seconds = millis(t0, out) / 1000.0;
        System.out.printf("bench: escalation sweep answered %s in %d ms%n", swept, millis(t0, sweptAt));
        run.figures.info("escalation: open orders past reply-by at one clock move", due, "orders");
        run.figures.info("escalation: clock move -> every order superseded and its events out", seconds, "s");
        run.figures.info("escalation: rate", due / seconds, "/s");
        rate = due / seconds;
    }

    private static long openFirstRungOrders(Db inspection) {
        return inspection.count(
                "SELECT count(*) FROM supervision_order WHERE rung = 'REMINDER_NOTICE' AND state = 'ISSUED'");
    }

    /** The burst's way to first-rung orders, not timed: tasks fall due at a clock move, one sweep, every order out. */
    private static void issueFirstRungOrders(BenchRun run) {
        Map<UUID, UUID> tasks = run.seedTasks("ES", run.tasks, run.today().plusDays(10));
        Map<String, Long> before = run.effectTotals();
        run.moveClocks(BenchRun.morningOf(run.today().plusDays(11)));
        run.rest().post(run.url(Service.TASK) + "/api/v1/deadline-sweeps", Map.of());
        run.awaitEffects("escalation's first rung", tasks.keySet(), BenchRun.leadUnits(tasks), before);
        run.awaitSettled("the first rung");
    }

    /** Runs the Flowable reference outside the repository and compares its first-rung escalation rate. */
    @Override
    public void afterPlatform(BenchRun run) {
        if (reference.equals("skip")) {
            System.out.println("bench: reference: not run (-Dbench.reference=skip)");
            return;
        }
        String configured = System.getenv("FLOWABLE_BENCH");
        Path dir = configured == null || configured.isBlank()
                ? run.root.resolve("../shared/bench/flowable").normalize() : Path.of(configured);
        if (!Files.isRegularFile(dir.resolve("run.sh"))) {
            System.out.println("bench: reference: not run (FLOWABLE_BENCH not found)");
            return;
        }
        Path log = run.target.resolve("flowable.log");
        String runs = System.getProperty("bench.reference.runs", "1");
        System.out.printf("bench: reference: %s/run.sh with N=%d RUNS=%s (minutes; log %s)%n", dir, run.tasks, runs,
                log);
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "run.sh").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("N", Integer.toString(run.tasks));
            builder.environment().put("RUNS", runs);
            int exit = run.starting(builder::start).waitFor();
            String last = Files.readAllLines(log).stream().filter(line -> line.startsWith("flowable:"))
                    .reduce((a, b) -> b).orElse(null);
            // its figures are in its final line; its exit status is not: the script's EXIT trap kills a sampler it
            // already stopped, and under set -e that failing kill makes it exit 1 after a complete run
            check(last != null, "the reference exited %d without its final line; see %s", exit, log);
            Matcher match = REFERENCE_LINE.matcher(last);
            check(match.find(), "cannot read the reference's line: %s", last);
            double referenceRate = Integer.parseInt(match.group(1)) / Double.parseDouble(match.group(2));
            System.out.println("bench: reference: " + last);
            run.figures.info("escalation: reference (Flowable 7.2 BPMN timers) rate", referenceRate, "/s");
            run.figures.info("escalation: Reform Desk rate", rate, "/s");
            run.figures.atLeast("escalation: Reform Desk rate / reference rate", rate / referenceRate, "x", 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
