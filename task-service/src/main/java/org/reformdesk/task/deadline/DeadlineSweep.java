package org.reformdesk.task.deadline;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.MilestoneOverdue;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.TaskDueSoon;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.sweep.SignalTable;
import org.reformdesk.platform.sweep.Signals;
import org.reformdesk.platform.sweep.Sweep;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.reporting.ReportDeadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds due dates that need a signal and emits each once: due-soon at every reminder offset once per (task,
 * deadline, offset), overdue once per (task, deadline), the same for milestones, and monthly reports: due soon at
 * the same offsets before the report day, once per (task, period, offset), and missing after it. The platform's
 * signals decide who emits, so a second run or a second replica sweeping at the same moment emits nothing.
 */
@ApplicationScoped
public class DeadlineSweep {

    /** What one sweep emitted. */
    public record Result(LocalDate today, int overdue, int dueSoon, int milestonesDueSoon, int milestonesOverdue,
            int reportsOverdue, int reportsDueSoon) {
    }

    /**
     * A due date a sweep found: its signal (task, milestone, empty for the task itself, due date, offset, kind) and
     * the task as its events describe it.
     */
    private record Candidate(UUID taskId, String milestone, LocalDate dueOn, int offset, String kind, String code,
            String title, UUID leadUnitId, UUID responsiblePersonId, LocalDate deadline, UUID responsibleLeaderId,
            List<String> policyAreas) {
    }

    /** A candidate's key: pages of candidates follow it. */
    private record Key(UUID taskId, String milestone) {

        static final Key FIRST = new Key(new UUID(0, 0), "");
    }

    private static final SignalTable<Candidate> SIGNALS = SignalTable.of("deadline_signal",
            SignalTable.uuid("task_id", Candidate::taskId), SignalTable.text("milestone", Candidate::milestone),
            SignalTable.date("deadline", Candidate::dueOn), SignalTable.integer("offset_days", Candidate::offset),
            SignalTable.text("kind", Candidate::kind));

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);

    private static final String OPEN = "t.status IN ('ASSIGNED', 'IN_PROGRESS', 'CLOSE_REQUESTED')";

    @Inject
    EntityManager entityManager;

    @Inject
    Signals signals;

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
        int overdue = signalAll("""
                SELECT t.id, '', t.deadline, 0, 'OVERDUE' FROM task t
                WHERE %s AND t.deadline < :today""".formatted(OPEN), today, null, candidate ->
                TaskOverdue.of(candidate.taskId(), candidate.code(), candidate.title(), candidate.leadUnitId(),
                        candidate.responsiblePersonId(), candidate.deadline(), candidate.responsibleLeaderId(),
                        candidate.policyAreas()));
        int dueSoon = 0;
        int milestonesDueSoon = 0;
        for (ReminderOffsets.Band band : config.offsets().bands()) {
            dueSoon += signalAll("""
                    SELECT t.id, '', t.deadline, %d, 'DUE_SOON' FROM task t
                    WHERE %s AND t.deadline BETWEEN :from AND :to""".formatted(band.offset(), OPEN), today, band,
                    candidate -> dueSoon(candidate, today));
            milestonesDueSoon += signalAll("""
                    SELECT t.id, m.name, m.due_on, %d, 'MILESTONE_DUE_SOON' FROM task_milestone m
                    JOIN task t ON t.id = m.task_id
                    WHERE %s AND m.done_on IS NULL AND m.due_on BETWEEN :from AND :to""".formatted(band.offset(), OPEN),
                    today, band, candidate -> dueSoon(candidate, today));
        }
        int milestonesOverdue = signalAll("""
                SELECT t.id, m.name, m.due_on, 0, 'MILESTONE_OVERDUE' FROM task_milestone m
                JOIN task t ON t.id = m.task_id
                WHERE %s AND m.done_on IS NULL AND m.due_on < :today""".formatted(OPEN), today, null, candidate ->
                MilestoneOverdue.of(candidate.taskId(), candidate.code(), candidate.title(), candidate.leadUnitId(),
                        candidate.responsiblePersonId(), candidate.milestone(), candidate.dueOn(),
                        candidate.responsibleLeaderId()));
        UUID first = Key.FIRST.taskId();
        int reportsOverdue = Sweep.inPages(first, config.batchSize(),
                after -> reports.signalMissing(today, config.batchSize(), after)).emitted();
        int reportsDueSoon = Sweep.inPages(first, config.batchSize(),
                after -> reports.signalDueSoon(today, config.offsets(), config.batchSize(), after)).emitted();
        return new Result(today, overdue, dueSoon, milestonesDueSoon, milestonesOverdue, reportsOverdue,
                reportsDueSoon);
    }

    private static TaskDueSoon dueSoon(Candidate candidate, LocalDate today) {
        return TaskDueSoon.of(candidate.taskId(), candidate.code(), candidate.title(), candidate.leadUnitId(),
                candidate.responsiblePersonId(), candidate.dueOn(),
                (int) ChronoUnit.DAYS.between(today, candidate.dueOn()),
                candidate.milestone().isEmpty() ? null : candidate.milestone(), candidate.responsibleLeaderId());
    }

    /**
     * Signals every candidate {@code candidates} selects (task id, milestone, due date, offset, kind) that was not
     * signalled before, page by page; returns how many.
     */
    private int signalAll(String candidates, LocalDate today, ReminderOffsets.Band band,
            Function<Candidate, ReformEvent> event) {
        return Sweep.inPages(Key.FIRST, config.batchSize(), after -> {
            List<Candidate> page = page(candidates, today, band, after);
            int emitted = signals.emit(SIGNALS, page, event);
            Key last = page.isEmpty() ? after
                    : new Key(page.get(page.size() - 1).taskId(), page.get(page.size() - 1).milestone());
            return new Sweep.Page<>(page.size(), emitted, last);
        }).emitted();
    }

    /** The page of candidates after {@code after} in key order, each with what its events say of its task. */
    @SuppressWarnings("unchecked")
    private List<Candidate> page(String candidates, LocalDate today, ReminderOffsets.Band band, Key after) {
        var query = entityManager.createNativeQuery("""
                        SELECT c.task_id, c.milestone, c.due_on, c.offset_days, c.kind, t.code, t.title,
                               t.lead_unit_id, t.responsible_person_id, t.deadline, t.responsible_leader_id,
                               t.policy_areas
                        FROM (%s) AS c (task_id, milestone, due_on, offset_days, kind)
                        JOIN task t ON t.id = c.task_id
                        WHERE (c.task_id, c.milestone) > (CAST(:afterTask AS uuid), CAST(:afterMilestone AS text))
                        ORDER BY c.task_id, c.milestone LIMIT :batch""".formatted(candidates))
                .setParameter("afterTask", after.taskId())
                .setParameter("afterMilestone", after.milestone())
                .setParameter("batch", config.batchSize());
        if (band == null) {
            query.setParameter("today", today);
        } else {
            query.setParameter("from", today.plusDays(band.fromDaysLeft()));
            query.setParameter("to", today.plusDays(band.toDaysLeft()));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Candidate((UUID) row[0], (String) row[1], toDate(row[2]),
                ((Number) row[3]).intValue(), (String) row[4], (String) row[5], (String) row[6], (UUID) row[7],
                (UUID) row[8], toDate(row[9]), (UUID) row[10], texts(row[11]))).toList();
    }

    private static List<String> texts(Object array) {
        return array == null ? List.of() : Arrays.stream((Object[]) array).map(String::valueOf).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
