package org.reformdesk.task.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ReportDueSoon;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.platform.sweep.SignalTable;
import org.reformdesk.platform.sweep.Signals;
import org.reformdesk.platform.sweep.Sweep;
import org.reformdesk.platform.time.ReminderOffsets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signals monthly reports that were not in by the report day, once per (task, period), and reports falling due at
 * the reminder offsets before it, once per (task, period, offset), through the platform's signals, as for deadlines,
 * so two replicas sweeping together emit one event.
 */
@ApplicationScoped
public class ReportDeadlines {

    /** A task whose report of {@code period} is not in, as the report events describe it. */
    private record Unreported(UUID taskId, String period, int offset, String code, String title, UUID leadUnitId,
            UUID responsiblePersonId, UUID responsibleLeaderId) {
    }

    private static final SignalTable<Unreported> OVERDUE = SignalTable.of("report_overdue_signal",
            SignalTable.uuid("task_id", Unreported::taskId), SignalTable.text("period", Unreported::period));

    private static final SignalTable<Unreported> DUE_SOON = SignalTable.of("report_due_signal",
            SignalTable.uuid("task_id", Unreported::taskId), SignalTable.text("period", Unreported::period),
            SignalTable.integer("offset_days", Unreported::offset));

    @Inject
    EntityManager entityManager;

    @Inject
    Signals signals;

    @Inject
    ReportingConfig config;

    public ReportCalendar calendar() {
        return new ReportCalendar(config.reportDay());
    }

    /**
     * Signals the missing reports of the last period whose report day passed, among up to {@code batch} tasks after
     * {@code after} in id order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sweep.Page<UUID> signalMissing(LocalDate today, int batch, UUID after) {
        YearMonth period = calendar().lastDuePeriod(today);
        LocalDate dueOn = calendar().dueOn(period);
        List<Unreported> page = unreported(period, 0, batch, after);
        int emitted = signals.emit(OVERDUE, page, task -> ReportOverdue.of(task.taskId(), task.code(), task.title(),
                task.leadUnitId(), task.responsiblePersonId(), period.toString(), dueOn, task.responsibleLeaderId()));
        return page(page, emitted, after);
    }

    /**
     * Signals the reports of the next period due that are not in yet, among up to {@code batch} tasks after
     * {@code after}, if the report day is {@code offset}'s reminder away (in its band of days left); nothing on other
     * days. A task reminded at one offset is reminded again at the next, as for a deadline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sweep.Page<UUID> signalDueSoon(LocalDate today, ReminderOffsets offsets, int batch, UUID after) {
        YearMonth period = calendar().nextDuePeriod(today);
        LocalDate dueOn = calendar().dueOn(period);
        int daysLeft = (int) ChronoUnit.DAYS.between(today, dueOn);
        Optional<Integer> offset = offsets.offsetFor(daysLeft);
        if (offset.isEmpty()) {
            return new Sweep.Page<>(0, 0, after);
        }
        List<Unreported> page = unreported(period, offset.get(), batch, after);
        int emitted = signals.emit(DUE_SOON, page, task -> ReportDueSoon.of(task.taskId(), task.code(), task.title(),
                task.leadUnitId(), task.responsiblePersonId(), period.toString(), dueOn, daysLeft,
                task.responsibleLeaderId()));
        return page(page, emitted, after);
    }

    /** Up to {@code batch} tasks after {@code after}, in id order, that owe {@code period}'s report and lack it. */
    @SuppressWarnings("unchecked")
    private List<Unreported> unreported(YearMonth period, int offset, int batch, UUID after) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT t.id, t.code, t.title, t.lead_unit_id, t.responsible_person_id, t.responsible_leader_id
                        FROM task t
                        WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.assigned_on < :periodStart
                          AND t.id > :after
                          AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id
                                          AND r.period = :period)
                        ORDER BY t.id LIMIT :batch""")
                .setParameter("period", period.toString())
                .setParameter("periodStart", period.atDay(1))
                .setParameter("after", after)
                .setParameter("batch", batch)
                .getResultList();
        return rows.stream().map(row -> new Unreported((UUID) row[0], period.toString(), offset, (String) row[1],
                (String) row[2], (UUID) row[3], (UUID) row[4], (UUID) row[5])).toList();
    }

    private static Sweep.Page<UUID> page(List<Unreported> page, int emitted, UUID after) {
        return new Sweep.Page<>(page.size(), emitted, page.isEmpty() ? after : page.get(page.size() - 1).taskId());
    }
}
