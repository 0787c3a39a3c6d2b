package org.reformdesk.assessment.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.ProgressReported;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.inbox.Inbox;
import org.reformdesk.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * A consumer's batch scored as a set, as the inbox applies a Kafka batch in one transaction: its facts recorded
 * together at its end must score as if each had been recorded when its event came.
 */
@QuarkusTest
class ScoringBatchTest {

    private static final String CONSUMER = "assessment.tasks";
    private static final LocalDate DEADLINE = LocalDate.of(2044, 4, 30);

    private static Fixtures fixtures;

    @Inject
    Inbox inbox;

    @Inject
    ScoredEvents handlers;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void connect() {
        fixtures = new Fixtures();
    }

    @AfterAll
    static void disconnect() {
        fixtures.close();
    }

    @Test
    void anOverdueTaskAndTheExtensionApprovedForItsDeadlineInOneBatchCostNothing() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市发改委");
        UUID task = UUID.randomUUID();

        apply(at(5, 10), overdue(task, unit, DEADLINE), ExtensionDecided.of(UUID.randomUUID(), task, "KM-2044-0001",
                "要素市场化配置改革", unit, UUID.randomUUID(), null, DEADLINE, DEADLINE.plusMonths(3),
                ExtensionDecided.APPROVED, DEADLINE.plusMonths(3), "审批意见", "office"));

        Fixtures.awaitCard(unit, "2044-05", card -> card.body("score", equalTo(100.0f))
                .body("points", hasSize(1)).body("points[0].exempted", equalTo(true)));
    }

    @Test
    void aReportFlaggedOverdueAndFiledLateInOneBatchCostsOneDeductionForTheFirst() {
        UUID unit = fixtures.unit(AssessmentCategory.B, "市财政局");
        UUID task = UUID.randomUUID();

        apply(at(5, 11), ReportOverdue.of(task, "KM-2044-0002", "预算管理制度改革", unit, UUID.randomUUID(), "2044-04",
                        LocalDate.of(2044, 5, 5), null),
                ProgressReported.of(task, unit, "2044-04", 30, true));

        Fixtures.awaitCard(unit, "2044-05", card -> card.body("score", equalTo(99.0f))
                .body("points", hasSize(1)).body("points[0].reason", startsWith("月度进展逾期未报")));
    }

    @Test
    void aBatchReScoresEachUnitMonthItTouchedAndAnnouncesEachRankChangeOnce() {
        UUID twice = fixtures.unit(AssessmentCategory.C, "盘龙区");
        UUID once = fixtures.unit(AssessmentCategory.C, "西山区");
        List<IncomingEvent> batch = List.of(
                event(at(6, 1), overdue(UUID.randomUUID(), twice, DEADLINE)),
                event(at(6, 2), overdue(UUID.randomUUID(), once, DEADLINE)),
                event(at(6, 3), overdue(UUID.randomUUID(), twice, DEADLINE)),
                event(at(7, 1), overdue(UUID.randomUUID(), once, DEADLINE)));

        assertThat(inbox.apply(CONSUMER, batch, handlers::onTaskEvent)).isEqualTo(4);
        // delivered again, as after a consumer restart: every event was seen, nothing moves
        assertThat(inbox.apply(CONSUMER, batch, handlers::onTaskEvent)).isZero();

        Fixtures.awaitCard(twice, "2044-06", card -> card.body("score", equalTo(96.0f)).body("points", hasSize(2)));
        Fixtures.awaitCard(once, "2044-06", card -> card.body("score", equalTo(98.0f)).body("points", hasSize(1)));
        Fixtures.awaitCard(once, "2044-07", card -> card.body("score", equalTo(98.0f)).body("points", hasSize(1)));
        assertThat(rankChanges(twice, "2044-06")).isEqualTo(1);
        assertThat(rankChanges(once, "2044-06")).isEqualTo(1);
        assertThat(rankChanges(once, "2044-07")).isEqualTo(1);
    }

    private void apply(Instant at, ReformEvent... events) {
        assertThat(inbox.apply(CONSUMER, List.of(events).stream().map(data -> event(at, data)).toList(),
                handlers::onTaskEvent)).isEqualTo(events.length);
    }

    private long rankChanges(UUID unit, String month) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM outbox_event WHERE type = 'reform.assessment.ranking-updated.v1'
                            AND aggregate_id = :unit AND payload ->> 'month' = :month""")
                .setParameter("unit", unit.toString()).setParameter("month", month).getSingleResult()).longValue());
    }

    private static IncomingEvent event(Instant at, ReformEvent data) {
        return new IncomingEvent(UUID.randomUUID(), at, data);
    }

    private static TaskOverdue overdue(UUID task, UUID unit, LocalDate deadline) {
        return TaskOverdue.of(task, "KM-2044-0001", "要素市场化配置改革", unit, UUID.randomUUID(), deadline);
    }

    private static Instant at(int month, int day) {
        return OffsetDateTime.of(2044, month, day, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    }
}
