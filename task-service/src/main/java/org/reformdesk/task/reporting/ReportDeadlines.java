package org.reformdesk.task.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.ledger.Task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Signals monthly reports that were not in by the report day, once per (task, period): the signal row's primary
 * key decides, as for deadlines, so two replicas sweeping together emit one event.
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

    /** Signals up to {@code batch} missing reports of the last period whose report day passed; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public int signalMissing(LocalDate today, int batch) {
        YearMonth period = calendar().lastDuePeriod(today);
        LocalDate dueOn = calendar().dueOn(period);
        List<UUID> missing = entityManager.createNativeQuery("""
                        INSERT INTO report_overdue_signal (task_id, period, signalled_at)
                        SELECT t.id, :period, :now FROM task t
                        WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.assigned_on < :periodStart
                          AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id AND r.period = :period)
                          AND NOT EXISTS (SELECT 1 FROM report_overdue_signal s WHERE s.task_id = t.id
                                          AND s.period = :period)
                        LIMIT :batch
                        ON CONFLICT DO NOTHING
                        RETURNING task_id""", UUID.class)
                .setParameter("period", period.toString())
                .setParameter("now", clock.instant())
                .setParameter("periodStart", period.atDay(1))
                .setParameter("batch", batch)
                .getResultList();
        if (missing.isEmpty()) {
            return 0;
        }
        outbox.recordAll(Task.<Task>list("id in ?1", missing).stream()
                .map(task -> ReportOverdue.of(task.id, task.code, task.title, task.leadUnitId,
                        task.responsiblePersonId, period.toString(), dueOn, task.responsibleLeaderId))
                .toList());
        return missing.size();
    }
}
