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
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.ledger.Task;
import org.reformdesk.task.reporting.ReportDeadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds due dates that need a signal and emits each once: due-soon at every reminder offset once per (task,
 * deadline, offset), overdue once per (task, deadline), the same for milestones, and missing monthly reports.
 * The signal row and the outbox row are written in one transaction and the signal's primary key decides who
 * emits: a second run, or a second replica sweeping at the same moment, inserts nothing and so emits nothing.
 */
@ApplicationScoped
public class DeadlineSweep {

    /** What one sweep emitted. */
    public record Result(LocalDate today, int overdue, int dueSoon, int milestonesDueSoon, int milestonesOverdue,
            int reportsOverdue) {
    }

    /** One signal a sweep claimed: the task, the milestone (empty for the task itself), the due date, the offset. */
    private record Signal(UUID taskId, String milestone, LocalDate dueOn, int offset) {
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
                + result.reportsOverdue() > 0) {
            LOG.infof("Deadline sweep: %s", result);
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        int overdue = repeat(() -> claim("""
                SELECT t.id, '', t.deadline, 0, 'OVERDUE' FROM task t
                WHERE %s AND t.deadline < :today""".formatted(OPEN), today, null, (task, signal) ->
                TaskOverdue.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId, task.deadline,
                        task.responsibleLeaderId)));
        int dueSoon = 0;
        int milestonesDueSoon = 0;
        for (ReminderOffsets.Band band : config.offsets().bands()) {
            dueSoon += repeat(() -> claim("""
                    SELECT t.id, '', t.deadline, %d, 'DUE_SOON' FROM task t
                    WHERE %s AND t.deadline BETWEEN :from AND :to""".formatted(band.offset(), OPEN), today, band,
                    (task, signal) -> dueSoon(task, signal, today)));
            milestonesDueSoon += repeat(() -> claim("""
                    SELECT t.id, m.name, m.due_on, %d, 'MILESTONE_DUE_SOON' FROM task_milestone m
                    JOIN task t ON t.id = m.task_id
                    WHERE %s AND m.done_on IS NULL AND m.due_on BETWEEN :from AND :to""".formatted(band.offset(), OPEN),
                    today, band, (task, signal) -> dueSoon(task, signal, today)));
        }
        int milestonesOverdue = repeat(() -> claim("""
                SELECT t.id, m.name, m.due_on, 0, 'MILESTONE_OVERDUE' FROM task_milestone m
                JOIN task t ON t.id = m.task_id
                WHERE %s AND m.done_on IS NULL AND m.due_on < :today""".formatted(OPEN), today, null, (task, signal) ->
                MilestoneOverdue.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId,
                        signal.milestone(), signal.dueOn(), task.responsibleLeaderId)));
        int reportsOverdue = repeat(() -> reports.signalMissing(today, config.batchSize()));
        return new Result(today, overdue, dueSoon, milestonesDueSoon, milestonesOverdue, reportsOverdue);
    }

    private static TaskDueSoon dueSoon(Task task, Signal signal, LocalDate today) {
        return TaskDueSoon.of(task.id, task.code, task.title, task.leadUnitId, task.responsiblePersonId,
                signal.dueOn(), (int) ChronoUnit.DAYS.between(today, signal.dueOn()),
                signal.milestone().isEmpty() ? null : signal.milestone(), task.responsibleLeaderId);
    }

    /** Runs batches, each in its own transaction, until one comes back short. */
    private int repeat(java.util.function.Supplier<Integer> batch) {
        int total = 0;
        int claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(batch::get);
            total += claimed;
        } while (claimed == config.batchSize());
        return total;
    }

    /**
     * Inserts the signals {@code candidates} selects (task id, milestone, due date, offset, kind) that were not
     * signalled before and records the event of each one this transaction won.
     */
    @SuppressWarnings("unchecked")
    private int claim(String candidates, LocalDate today, ReminderOffsets.Band band,
            BiFunction<Task, Signal, ReformEvent> event) {
        var query = entityManager.createNativeQuery("""
                        INSERT INTO deadline_signal (task_id, milestone, deadline, offset_days, kind, signalled_at)
                        SELECT c.*, CAST(:now AS timestamptz) FROM (%s) AS c (task_id, milestone, deadline, offset_days, kind)
                        WHERE NOT EXISTS (SELECT 1 FROM deadline_signal s WHERE s.task_id = c.task_id AND s.kind = c.kind
                                          AND s.deadline = c.deadline AND s.offset_days = c.offset_days
                                          AND s.milestone = c.milestone)
                        LIMIT :batch
                        ON CONFLICT DO NOTHING
                        RETURNING task_id, milestone, deadline, offset_days""".formatted(candidates))
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
            return 0;
        }
        List<Signal> signals = rows.stream().map(row -> new Signal((UUID) row[0], (String) row[1],
                toDate(row[2]), ((Number) row[3]).intValue())).toList();
        Map<UUID, Task> tasks = Task.<Task>list("id in ?1", signals.stream().map(Signal::taskId).distinct().toList())
                .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        // one JDBC batch for the events of the batch: the year-end sweep signals 10,000 overdue tasks at once
        outbox.recordAll(signals.stream().map(signal -> event.apply(tasks.get(signal.taskId()), signal)).toList());
        return signals.size();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
