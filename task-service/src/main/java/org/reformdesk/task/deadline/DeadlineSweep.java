package org.reformdesk.task.deadline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.MilestoneOverdue;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.reporting.ReportDeadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds due dates that need a signal and emits each once: due-soon at every reminder offset once per (task,
 * deadline, offset), overdue once per (task, deadline), the same for milestones, and monthly reports: due soon at
 * the same offsets before the report day, once per (task, period, offset), and missing after it.
 * The signal row and the outbox row are written in one transaction and the signal's primary key decides who
 * emits: a second run, or a second replica sweeping at the same moment, inserts nothing and so emits nothing.
 */
@ApplicationScoped
public class DeadlineSweep {

    /** What one sweep emitted. */
    public record Result(LocalDate today, int overdue, int dueSoon, int milestonesDueSoon, int milestonesOverdue,
            int reportsOverdue, int reportsDueSoon) {
    }

    /**
     * One signal a sweep claimed: the task as its events describe it, the milestone (empty for the task itself), the
     * due date and the offset.
     */
    private record Signal(UUID taskId, String code, String title, UUID leadUnitId, UUID responsiblePersonId,
            LocalDate deadline, UUID responsibleLeaderId, String milestone, LocalDate dueOn, int offset) {
    }

    /** A candidate's key: pages of candidates follow it. */
    private record Key(UUID taskId, String milestone) {

        static final Key FIRST = new Key(new UUID(0, 0), "");
    }

    /** What a page of candidates did: the signals it claimed, how many candidates it held and the last of them. */
    private record Page(int claimed, int size, Key last) {
    }

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);

    private static final String OPEN = "t.status IN ('ASSIGNED', 'IN_PROGRESS', 'CLOSE_REQUESTED')";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    DeadlineConfig config;

    @Inject
    ReportDeadlines reports;

    @Scheduled(every = "${reform.deadline.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result result = sweep();
        if (result.overdue() + result.dueSoon() + result.milestonesDueSoon() + result.milestonesOverdue()
                + result.reportsOverdue() + result.reportsDueSoon() > 0) {
            LOG.infof("Deadline sweep: %s", result);
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        int overdue = claimAll("""
                SELECT t.id, '', t.deadline, 0, 'OVERDUE' FROM task t
                WHERE %s AND t.deadline < :today""".formatted(OPEN), today, null, signal ->
                TaskOverdue.of(signal.taskId(), signal.code(), signal.title(), signal.leadUnitId(),
                        signal.responsiblePersonId(), signal.deadline(), signal.responsibleLeaderId()));
        int dueSoon = 0;
        int milestonesDueSoon = 0;
        for (ReminderOffsets.Band band : config.offsets().bands()) {
            dueSoon += claimAll("""
                    SELECT t.id, '', t.deadline, %d, 'DUE_SOON' FROM task t
                    WHERE %s AND t.deadline BETWEEN :from AND :to""".formatted(band.offset(), OPEN), today, band,
                    signal -> dueSoon(signal, today));
            milestonesDueSoon += claimAll("""
                    SELECT t.id, m.name, m.due_on, %d, 'MILESTONE_DUE_SOON' FROM task_milestone m
                    JOIN task t ON t.id = m.task_id
                    WHERE %s AND m.done_on IS NULL AND m.due_on BETWEEN :from AND :to""".formatted(band.offset(), OPEN),
                    today, band, signal -> dueSoon(signal, today));
        }
        int milestonesOverdue = claimAll("""
                SELECT t.id, m.name, m.due_on, 0, 'MILESTONE_OVERDUE' FROM task_milestone m
                JOIN task t ON t.id = m.task_id
                WHERE %s AND m.done_on IS NULL AND m.due_on < :today""".formatted(OPEN), today, null, signal ->
                MilestoneOverdue.of(signal.taskId(), signal.code(), signal.title(), signal.leadUnitId(),
                        signal.responsiblePersonId(), signal.milestone(), signal.dueOn(),
                        signal.responsibleLeaderId()));
        int reportsOverdue = pages(after -> {
            ReportDeadlines.Signalled page = reports.signalMissing(today, config.batchSize(), after.taskId());
            return new Page(page.claimed(), page.size(), new Key(page.last(), ""));
        });
        int reportsDueSoon = pages(after -> {
            ReportDeadlines.Signalled page = reports.signalDueSoon(today, config.offsets(), config.batchSize(),
                    after.taskId());
            return new Page(page.claimed(), page.size(), new Key(page.last(), ""));
        });
        return new Result(today, overdue, dueSoon, milestonesDueSoon, milestonesOverdue, reportsOverdue,
                reportsDueSoon);
    }

    private static TaskDueSoon dueSoon(Signal signal, LocalDate today) {
        return TaskDueSoon.of(signal.taskId(), signal.code(), signal.title(), signal.leadUnitId(),
                signal.responsiblePersonId(), signal.dueOn(), (int) ChronoUnit.DAYS.between(today, signal.dueOn()),
                signal.milestone().isEmpty() ? null : signal.milestone(), signal.responsibleLeaderId());
    }

    /**
     * Signals every candidate {@code candidates} selects (task id, milestone, due date, offset, kind) that was not
     * signalled before; returns how many.
     */
    private int claimAll(String candidates, LocalDate today, ReminderOffsets.Band band,
            Function<Signal, ReformEvent> event) {
        return pages(after -> claim(candidates, today, band, event, after));
    }

    /** Runs pages in key order, each in its own transaction, until one comes back short; returns what they claimed. */
    private int pages(Function<Key, Page> page) {
        int claimed = 0;
        Key after = Key.FIRST;
        Page done;
        do {
            Key from = after;
            done = QuarkusTransaction.requiringNew().call(() -> page.apply(from));
            claimed += done.claimed();
            after = done.last();
        } while (done.size() == config.batchSize());
        return claimed;
    }

    /**
     * Inserts the page of candidates after {@code after}, records the event of each signal this transaction won (the
     * signal's key decides: a candidate signalled before, or by another replica now, inserts nothing) and reads what
     * the events say of their tasks in the same statement. Pages go by key rather than by "not signalled yet": the
     * planner, its statistics behind the thousands of signals a year-end sweep inserts, chose to compare every
     * candidate with every signal, and the burst's sweep grew quadratic (a third of PostgreSQL's time).
     */
    @SuppressWarnings("unchecked")
    private Page claim(String candidates, LocalDate today, ReminderOffsets.Band band,
            Function<Signal, ReformEvent> event, Key after) {
        var query = entityManager.createNativeQuery("""
                        WITH page AS (
                            SELECT * FROM (%s) AS c (task_id, milestone, deadline, offset_days, kind)
                            WHERE (c.task_id, c.milestone) > (CAST(:afterTask AS uuid), CAST(:afterMilestone AS text))
                            ORDER BY c.task_id, c.milestone LIMIT :batch),
                        claimed AS (
                            INSERT INTO deadline_signal (task_id, milestone, deadline, offset_days, kind, signalled_at)
                            SELECT p.*, CAST(:now AS timestamptz) FROM page p
                            ON CONFLICT DO NOTHING
                            RETURNING task_id, milestone, deadline, offset_days)
                        SELECT l.size, l.task_id, l.milestone, t.id, t.code, t.title, t.lead_unit_id,
                               t.responsible_person_id, t.deadline, t.responsible_leader_id, c.milestone, c.deadline,
                               c.offset_days
                        FROM (SELECT task_id, milestone, count(*) OVER () AS size FROM page
                              ORDER BY task_id DESC, milestone DESC LIMIT 1) l
                        LEFT JOIN (claimed c JOIN task t ON t.id = c.task_id) ON true""".formatted(candidates))
                .setParameter("afterTask", after.taskId())
                .setParameter("afterMilestone", after.milestone())
                .setParameter("now", clock.instant())
                .setParameter("batch", config.batchSize());
        if (band == null) {
            query.setParameter("today", today);
        } else {
            query.setParameter("from", today.plusDays(band.fromDaysLeft()));
            query.setParameter("to", today.plusDays(band.toDaysLeft()));
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new Page(0, 0, after);
        }
        List<Signal> signals = rows.stream().filter(row -> row[3] != null).map(row -> new Signal((UUID) row[3],
                (String) row[4], (String) row[5], (UUID) row[6], (UUID) row[7], toDate(row[8]), (UUID) row[9],
                (String) row[10], toDate(row[11]), ((Number) row[12]).intValue())).toList();
        // one JDBC batch for the events of the page
        outbox.recordAll(signals.stream().map(event).toList());
        Object[] first = rows.get(0);
        return new Page(signals.size(), ((Number) first[0]).intValue(), new Key((UUID) first[1], (String) first[2]));
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
