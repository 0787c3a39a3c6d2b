package org.reformdesk.task.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ReportDueSoon;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.ledger.Task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signals monthly reports that were not in by the report day, once per (task, period), and reports falling due at
 * the reminder offsets before it, once per (task, period, offset): the signal row's primary key decides, as for
 * deadlines, so two replicas sweeping together emit one event.
 */
@ApplicationScoped
public class ReportDeadlines {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    ReportingConfig config;

    public ReportCalendar calendar() {
        return new ReportCalendar(config.reportDay());
    }

    /** What a page of tasks did: the missing reports it signalled, how many tasks it held and the last of them. */
    public record Signalled(int claimed, int size, UUID last) {
    }

    /**
     * Signals the missing reports of the last period whose report day passed, among up to {@code batch} tasks after
     * {@code after} in id order. Pages go by key, not by "not signalled yet", for the reason the deadline sweep's do.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Signalled signalMissing(LocalDate today, int batch, UUID after) {
        YearMonth period = calendar().lastDuePeriod(today);
        LocalDate dueOn = calendar().dueOn(period);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        WITH page AS (
                            SELECT t.id FROM task t
                            WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.assigned_on < :periodStart
                              AND t.id > :after
                              AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id
                                              AND r.period = :period)
                            ORDER BY t.id LIMIT :batch),
                        claimed AS (
                            INSERT INTO report_overdue_signal (task_id, period, signalled_at)
                            SELECT id, :period, :now FROM page
                            ON CONFLICT DO NOTHING
                            RETURNING task_id)
                        SELECT l.size, l.id, c.task_id
                        FROM (SELECT id, count(*) OVER () AS size FROM page ORDER BY id DESC LIMIT 1) l
                        LEFT JOIN claimed c ON true""")
                .setParameter("period", period.toString())
                .setParameter("now", clock.instant())
                .setParameter("periodStart", period.atDay(1))
                .setParameter("after", after)
                .setParameter("batch", batch)
                .getResultList();
        if (rows.isEmpty()) {
            return new Signalled(0, 0, after);
        }
        List<UUID> missing = rows.stream().map(row -> (UUID) row[2]).filter(Objects::nonNull).toList();
        if (!missing.isEmpty()) {
            outbox.recordAll(Task.<Task>list("id in ?1", missing).stream()
                    .map(task -> ReportOverdue.of(task.id, task.code, task.title, task.leadUnitId,
                            task.responsiblePersonId, period.toString(), dueOn, task.responsibleLeaderId))
                    .toList());
        }
        return new Signalled(missing.size(), ((Number) rows.get(0)[0]).intValue(), (UUID) rows.get(0)[1]);
    }

    /**
     * Signals the reports of the next period due that are not in yet, among up to {@code batch} tasks after
     * {@code after}, if the report day is {@code offset}'s reminder away (in its band of days left); nothing on other
     * days. A task reminded at one offset is reminded again at the next, as for a deadline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Signalled signalDueSoon(LocalDate today, ReminderOffsets offsets, int batch, UUID after) {
        YearMonth period = calendar().nextDuePeriod(today);
        LocalDate dueOn = calendar().dueOn(period);
        int daysLeft = (int) ChronoUnit.DAYS.between(today, dueOn);
        Optional<Integer> offset = offsets.offsetFor(daysLeft);
        if (offset.isEmpty()) {
            return new Signalled(0, 0, after);
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                        WITH page AS (
                            SELECT t.id FROM task t
                            WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.assigned_on < :periodStart
                              AND t.id > :after
                              AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id
                                              AND r.period = :period)
                            ORDER BY t.id LIMIT :batch),
                        claimed AS (
                            INSERT INTO report_due_signal (task_id, period, offset_days, signalled_at)
                            SELECT id, :period, :offset, :now FROM page
                            ON CONFLICT DO NOTHING
                            RETURNING task_id)
                        SELECT l.size, l.id, c.task_id
                        FROM (SELECT id, count(*) OVER () AS size FROM page ORDER BY id DESC LIMIT 1) l
                        LEFT JOIN claimed c ON true""")
                .setParameter("period", period.toString())
                .setParameter("offset", offset.get())
                .setParameter("now", clock.instant())
                .setParameter("periodStart", period.atDay(1))
                .setParameter("after", after)
                .setParameter("batch", batch)
                .getResultList();
        if (rows.isEmpty()) {
            return new Signalled(0, 0, after);
        }
        List<UUID> due = rows.stream().map(row -> (UUID) row[2]).filter(Objects::nonNull).toList();
        if (!due.isEmpty()) {
            outbox.recordAll(Task.<Task>list("id in ?1", due).stream()
                    .map(task -> ReportDueSoon.of(task.id, task.code, task.title, task.leadUnitId,
                            task.responsiblePersonId, period.toString(), dueOn, daysLeft, task.responsibleLeaderId))
                    .toList());
        }
        return new Signalled(due.size(), ((Number) rows.get(0)[0]).intValue(), (UUID) rows.get(0)[1]);
    }
}
