package org.reformdesk.bench;

import org.reformdesk.local.Service;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.reformdesk.bench.BenchRun.check;

/**
 * Scenario 5, the ledger under load: tops task-service's ledger up to {@code -Dbench.ledger.tasks} in SQL (no events:
 * it measures reads), then drives a mix of ledger pages, single tasks and summaries open-loop.
 */
final class LedgerScenario implements Scenario {

    private final int tasks = Integer.getInteger("bench.ledger.tasks", 100_000);
    private final int rate = Integer.getInteger("bench.ledger.rate", 500);
    private final int seconds = Integer.getInteger("bench.ledger.seconds", 60);

    @Override
    public String sizes() {
        return "ledger=%d at %d/s x %d s".formatted(tasks, rate, seconds);
    }

    @Override
    public void run(BenchRun run) {
        Db task = run.db(Service.TASK);
        long have = task.count("SELECT count(*) FROM task");
        long seedStart = System.nanoTime();
        task.update("""
                INSERT INTO task (id, code, title, description, lead_unit_id, responsible_person_id, deadline, status,
                                  created_at, created_by, updated_at, policy_areas, origin, rigid, plan_year,
                                  participating_unit_ids, tags, assigned_on)
                SELECT gen_random_uuid(), 'GEN-' || g, '推进' || (ARRAY['营商环境','国资国企','医药卫生','户籍制度','生态补偿'])[1 + g % 5]
                           || '改革第' || g || '项', '按期推进', u.id, gen_random_uuid(),
                       DATE '2024-01-01' + CAST(g % 2000 AS int), (ARRAY['ASSIGNED','IN_PROGRESS','CLOSE_REQUESTED','CLOSED','DRAFT','SUSPENDED','IN_PROGRESS'])[1 + g % 7],
                       now(), 'bench', now(), ARRAY[(ARRAY['经济','社会民生','城市规划建设管理','民主法治','生态文明','党的建设','纪律检查'])[1 + g % 7]],
                       'MUNICIPAL', g % 3 <> 0, 2024 + g % 6, ARRAY[u2.id], '{}', DATE '2024-01-01'
                FROM generate_series(1, ?) g
                JOIN LATERAL (SELECT id FROM unit ORDER BY code OFFSET (g % 81) LIMIT 1) u ON TRUE
                JOIN LATERAL (SELECT id FROM unit ORDER BY code OFFSET ((g + 7) % 81) LIMIT 1) u2 ON TRUE""",
                Math.max(0, tasks - have));
        task.update("ANALYZE task");
        long size = task.count("SELECT count(*) FROM task");
        check(size >= tasks, "the ledger holds %d tasks, expected %d", size, tasks);
        System.out.printf("bench: ledger topped up in SQL to %d tasks in %.1f s%n", size,
                (System.nanoTime() - seedStart) / 1e9);

        String base = run.url(Service.TASK) + "/api/v1/tasks";
        String unit = run.units().get(0).id().toString();
        List<HttpRequest> pages = List.of("size=50", "status=ASSIGNED&area=" + encode("经济") + "&year=2026&size=50",
                "timeliness=OVERDUE&size=50", "timeliness=DUE_SOON&sort=-deadline&size=50",
                "leadUnit=" + unit + "&size=50", "unit=" + unit + "&rigid=true&size=50",
                "q=" + encode("营商环境") + "&size=50",
                "status=IN_PROGRESS&page=40&size=50").stream().map(query -> get(run, base + "?" + query)).toList();
        List<HttpRequest> single = task.ids("SELECT id FROM task ORDER BY id LIMIT 500").stream()
                .map(id -> get(run, base + "/" + id)).toList();
        List<HttpRequest> summaries = List.of(get(run, base + "/summary"),
                get(run, base + "/summary?area=" + encode("经济")));
        List<LoadGenerator.Kind> mix = List.of(new LoadGenerator.Kind("ledger page (50, filtered)", 60, pages),
                new LoadGenerator.Kind("one task", 30, single),
                new LoadGenerator.Kind("ledger summary", 10, summaries));
        LoadGenerator load = new LoadGenerator(run.rest().client());
        load.run(mix, rate, Math.min(10, seconds)); // warm-up: JIT and connections, not measured
        LoadGenerator.Result result = load.run(mix, rate, seconds);
        check(result.failed() == 0, "ledger: %d of %d requests failed, e.g. %s", result.failed(), result.sent(),
                result.failures());
        Figures figures = run.figures;
        figures.info("ledger: tasks in the ledger", size, "tasks");
        figures.info("ledger: offered load (open loop, goal %d/s)".formatted(rate), result.achievedRate(), "/s");
        figures.atMost("ledger: requests not answered in 30 s", result.timedOut(), "requests", 0);
        result.latencies().forEach((kind, latencies) -> {
            figures.info("ledger: " + kind + " p50", latencies.percentileMillis(50), "ms");
            figures.atMost("ledger: " + kind + " p99", latencies.percentileMillis(99), "ms", 30);
        });
    }

    private static HttpRequest get(BenchRun run, String url) {
        return run.rest().request(url).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
