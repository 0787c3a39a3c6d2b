package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.local.Service;
import org.reformdesk.testing.EventSender;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.reformdesk.bench.BenchRun.check;
import static org.reformdesk.bench.BenchRun.later;
import static org.reformdesk.bench.BenchRun.millis;

/**
 * Assessment-service's scoring: {@code reform.task.overdue.v1} events published straight onto the broker, spread over
 * the city's units, timed from the first send until each is a fact (an overdue deduction, claimed once in the inbox)
 * and every affected unit has been re-scored and re-ranked; then the rebuild of every standing from its facts over a
 * year of {@code -Dbench.scoring.history.tasks} tasks' history written in SQL (points left at zero, so the rebuild
 * values every fact).
 */
final class ScoringScenario implements Scenario {

    private final Integer events = Integer.getInteger("bench.scoring.events");
    private final int historyTasks = Integer.getInteger("bench.scoring.history.tasks", 100_000);

    @Override
    public String sizes() {
        return "scoring=%s events, history of %d tasks".formatted(events == null ? "tasks" : events, historyTasks);
    }

    @Override
    public void run(BenchRun run) {
        run.awaitSettled("the platform before scoring");
        scoreEvents(run, events == null ? run.tasks : events);
        rebuild(run);
        run.awaitSettled("the scoring scenario");
    }

    private static void scoreEvents(BenchRun run, int count) {
        Db assessment = run.db(Service.ASSESSMENT);
        List<City.Unit> units = run.units();
        LocalDate yesterday = LocalDate.ofInstant(run.clock(), BenchRun.CITY_ZONE).minusDays(1);
        List<UUID> ids = new ArrayList<>();
        Set<UUID> affected = new HashSet<>();
        // stamped by the platform's clock, as task-service stamps its events: a fact counts in the month of its time
        Duration platformOffset = run.offsets().get(Service.TASK);
        Instant first = Instant.now();
        try (EventSender sender = EventSender.on(run.bootstrapServers())) {
            for (int i = 0; i < count; i++) {
                City.Unit unit = units.get(i % units.size());
                affected.add(unit.id());
                UUID id = UUID.randomUUID();
                sender.send(id, TaskOverdue.of(UUID.randomUUID(), "SC-%05d".formatted(i),
                        "推进公立医院综合改革（第" + (i + 1) + "项）", unit.id(), unit.head(), yesterday),
                        OffsetDateTime.ofInstant(Instant.now().plus(platformOffset), BenchRun.CITY_ZONE));
                ids.add(id);
            }
        }
        Instant sent = Instant.now();
        Object eventIds = assessment.uuids(ids);
        String deductions = "SELECT count(*) FROM score_entry WHERE indicator = 'OVERDUE_TASKS' AND event_id = ANY(?)";
        run.await("assessment to score " + count + " overdue events", () -> assessment.count(deductions, eventIds)
                >= count);
        check(assessment.count(deductions, eventIds) == count, "scoring: %d deductions for %d events (a duplicate)",
                assessment.count(deductions, eventIds), count);
        Object affectedUnits = assessment.uuids(affected);
        check(assessment.count("""
                SELECT count(DISTINCT unit_id) FROM unit_standing WHERE unit_id = ANY(?) AND rank IS NOT NULL""",
                affectedUnits) == affected.size(), "scoring: every affected unit ranked");
        Duration offset = run.offsets().get(Service.ASSESSMENT);
        // the inbox's claim is its transaction's start (the database's clock); the standing, the service's clock
        Instant lastClaimed = assessment.instant(
                "SELECT max(processed_at) FROM processed_event WHERE event_id = ANY(?)", eventIds);
        Instant lastRanked = assessment.instant("SELECT max(updated_at) FROM unit_standing WHERE unit_id = ANY(?)",
                affectedUnits).minus(offset);
        Instant done = later(lastClaimed, lastRanked);
        Figures figures = run.figures;
        figures.info("scoring: overdue events", count, "events");
        figures.info("scoring: events published at (each send acknowledged)",
                count * 1000.0 / Math.max(1, millis(first, sent)), "/s");
        figures.info("scoring: first event sent -> every unit re-ranked", millis(first, done) / 1000.0, "s");
        figures.info("scoring: events scored and ranked at", count * 1000.0 / Math.max(1, millis(first, done)), "/s");
    }

    /**
     * A year of history for the units, stored as the live path stores it: each task closed (four in five on time),
     * one in three overdue first, one in four with a late report and one in five with a supervision order; then one
     * rebuild over REST.
     */
    private void rebuild(BenchRun run) {
        Db assessment = run.db(Service.ASSESSMENT);
        List<UUID> units = run.units().stream().map(City.Unit::id).toList();
        long seedStart = System.nanoTime();
        int facts = assessment.update("""
                INSERT INTO score_entry (id, unit_id, event_id, indicator, detail, subject_id, points, reason,
                    occurred_at, month)
                SELECT gen_random_uuid(), (CAST(? AS uuid[]))[1 + t.n % ?], gen_random_uuid(), f.indicator, f.detail,
                    t.task, 0, '基准历史', make_timestamptz(2039, t.m, 15, 9, 0, 0, 'Asia/Shanghai'),
                    '2039-' || lpad(t.m::text, 2, '0')
                FROM (SELECT n, gen_random_uuid() AS task, 1 + n % 12 AS m FROM generate_series(1, ?) n) t
                CROSS JOIN LATERAL (VALUES
                    ('ON_TIME_CLOSE_RATE', CASE WHEN t.n % 5 = 0 THEN 'LATE' ELSE 'ON_TIME' END, true),
                    ('OVERDUE_TASKS', NULL, t.n % 3 = 0),
                    ('LATE_REPORTS', NULL, t.n % 4 = 0),
                    ('SUPERVISION_ORDERS', 'URGING_NOTICE', t.n % 5 = 0)) f(indicator, detail, present)
                WHERE f.present""", assessment.uuids(units), units.size(), historyTasks);
        assessment.update("""
                INSERT INTO unit_standing (unit_id, month, category, score, updated_at)
                SELECT DISTINCT e.unit_id, e.month, a.category, 100, now()
                FROM score_entry e JOIN assessed_unit a ON a.id = e.unit_id WHERE e.month LIKE '2039-%'
                ON CONFLICT DO NOTHING""");
        assessment.update("ANALYZE score_entry");
        System.out.printf("bench: scoring history of %d tasks, %d facts, written in SQL in %.1f s%n", historyTasks,
                facts, (System.nanoTime() - seedStart) / 1e9);
        long start = System.nanoTime();
        JsonNode rebuilt = run.rest().post(run.url(Service.ASSESSMENT) + "/api/v1/score-rebuilds", Map.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        check(rebuilt.path("standings").asInt() > 0, "scoring: the rebuild rescored nothing: %s", rebuilt);
        run.figures.info("scoring: facts in the rebuild's history", facts, "facts");
        run.figures.info("scoring: standings rebuilt", rebuilt.path("standings").asInt(), "standings");
        run.figures.info("scoring: rebuild of every standing from its facts", seconds, "s");
    }
}
