package org.reformdesk.assessment.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.inbox.Inbox;
import org.reformdesk.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures for the README, run only by the {@code benchmark} profile: how fast scored events are applied (each
 * one claimed in the inbox table, recorded, the unit's month re-scored and its category re-ranked, with its outbox
 * rows — everything the consumer does but reading Kafka, in batches of {@code -Dbench.batch} events per transaction
 * as the inbox applies them) and how long a rebuild of a city's history takes. Sizes come from {@code -Dbench.units},
 * {@code -Dbench.events}, {@code -Dbench.tasks}.
 */
@QuarkusTest
class ScoringBenchmark {

    private static final int UNITS = Integer.getInteger("bench.units", 500);
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 3);
    /** Events per transaction, as the consumers take them from Kafka (at most max.poll.records); 1 is per event. */
    private static final int BATCH = Integer.getInteger("bench.batch", 500);

    @Inject
    EntityManager entityManager;

    @Inject
    ScoredEvents handlers;

    @Inject
    ScoreRebuild rebuild;

    @Inject
    Inbox inbox;

    @Test
    void applyEventsThenRebuildAllScores() throws Exception {
        List<UUID> units = registerUnits();

        List<ReformEvent> events = new ArrayList<>(EVENTS);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < EVENTS; i++) {
            UUID unit = units.get(random.nextInt(units.size()));
            UUID task = UUID.randomUUID();
            LocalDate deadline = LocalDate.of(2038, 1 + random.nextInt(12), 1);
            events.add(switch (i % 3) {
                case 0 -> TaskOverdue.of(task, "BM-" + i, "基准任务", unit, null, deadline);
                case 1 -> OrderIssued.of(UUID.randomUUID(), Rung.values()[random.nextInt(4)], "TASK", task,
                        "基准任务", unit, deadline, deadline.plusDays(5), "基准");
                default -> TaskClosed.of(task, "BM-" + i, "基准任务", unit, deadline,
                        deadline.plusDays(random.nextInt(-10, 10)));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int from = t;
            done.add(pool.submit(() -> {
                List<IncomingEvent> batch = new ArrayList<>(BATCH);
                for (int i = from; i < events.size(); i += THREADS) {
                    Instant at = OffsetDateTime.of(2038, 1 + (i % 12), 15, 9, 0, 0, 0, ZoneOffset.ofHours(8))
                            .toInstant();
                    batch.add(new IncomingEvent(UUID.randomUUID(), at, events.get(i)));
                    if (batch.size() == BATCH || i + THREADS >= events.size()) {
                        // as the inbox applies a Kafka batch: claimed, applied and re-ranked in one transaction
                        inbox.apply("bench", batch, incoming -> {
                            if (incoming.data() instanceof OrderIssued) {
                                handlers.onSupervisionEvent(incoming);
                            } else {
                                handlers.onTaskEvent(incoming);
                            }
                        });
                        batch.clear();
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long announced = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = 'reform.assessment.ranking-updated.v1'")
                .getSingleResult()).longValue());
        System.out.printf("benchmark: applied %,d scored events over %d units in %.1f s: %,.0f events/s (%d threads, "
                + "%d per transaction); %,d rank changes announced%n", EVENTS, UNITS, seconds, EVENTS / seconds, THREADS,
                BATCH, announced);

        int facts = seedHistory(units);
        start = System.nanoTime();
        ScoreRebuild.Result result = rebuild.rebuild();
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("benchmark: rebuilt %,d standings from %,d facts (%d units, %,d tasks) in %.1f s%n",
                result.standings(), facts + EVENTS, UNITS, TASKS, seconds);
        assertThat(rebuild.rebuild().changed()).isZero();
    }

    private List<UUID> registerUnits() {
        List<UUID> units = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < UNITS; i++) {
                UUID id = UUID.randomUUID();
                AssessmentCategory category = AssessmentCategory.values()[i % 3];
                entityManager.createNativeQuery("INSERT INTO assessed_unit (id, code, name, category) "
                                + "VALUES (:id, :code, :name, :category)")
                        .setParameter("id", id).setParameter("code", "BM-" + i).setParameter("name", "基准单位" + i)
                        .setParameter("category", category.name()).executeUpdate();
                // placed as the directory's first word on a unit is: from the beginning
                entityManager.createNativeQuery("INSERT INTO unit_placement (unit_id, valid_from, category) "
                                + "VALUES (:id, '-infinity', :category)")
                        .setParameter("id", id).setParameter("category", category.name()).executeUpdate();
                units.add(id);
            }
        });
        return units;
    }

    /**
     * A year of history for {@code TASKS} tasks spread over the units, stored as the live path stores it: each
     * task closed (four in five on time), one in three overdue first, one in four with a late report and one in five
     * with a supervision order. Points are left at zero so that the rebuild has to value every fact.
     */
    private int seedHistory(List<UUID> units) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            entityManager.createNativeQuery("CREATE TEMP TABLE bench_unit (n int, id uuid) ON COMMIT DROP")
                    .executeUpdate();
            for (int i = 0; i < units.size(); i++) {
                entityManager.createNativeQuery("INSERT INTO bench_unit VALUES (:n, :id)")
                        .setParameter("n", i).setParameter("id", units.get(i)).executeUpdate();
            }
            int facts = entityManager.createNativeQuery("""
                            INSERT INTO score_entry (id, unit_id, event_id, indicator, detail, subject_id, points, reason,
                                occurred_at, month)
                            SELECT gen_random_uuid(), u.id, gen_random_uuid(), f.indicator, f.detail, t.task, 0,
                                '基准历史', make_timestamptz(2039, t.m, 15, 9, 0, 0, 'Asia/Shanghai'),
                                '2039-' || lpad(t.m::text, 2, '0')
                            FROM (SELECT n, gen_random_uuid() AS task, 1 + n % 12 AS m FROM generate_series(1, :tasks) n) t
                            JOIN bench_unit u ON u.n = t.n % :units
                            CROSS JOIN LATERAL (VALUES
                                ('ON_TIME_CLOSE_RATE', CASE WHEN t.n % 5 = 0 THEN 'LATE' ELSE 'ON_TIME' END, true),
                                ('OVERDUE_TASKS', NULL, t.n % 3 = 0),
                                ('LATE_REPORTS', NULL, t.n % 4 = 0),
                                ('SUPERVISION_ORDERS', 'URGING_NOTICE', t.n % 5 = 0)) f(indicator, detail, present)
                            WHERE f.present""")
                    .setParameter("tasks", TASKS).setParameter("units", units.size()).executeUpdate();
            entityManager.createNativeQuery("""
                            INSERT INTO unit_standing (unit_id, month, category, score, updated_at)
                            SELECT DISTINCT e.unit_id, e.month, a.category, 100, now()
                            FROM score_entry e JOIN assessed_unit a ON a.id = e.unit_id WHERE e.month LIKE '2039-%'
                            ON CONFLICT DO NOTHING""").executeUpdate();
            return facts;
        });
    }
}
