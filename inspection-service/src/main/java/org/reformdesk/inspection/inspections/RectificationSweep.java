package org.reformdesk.inspection.inspections;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.RectificationDueSoon;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.platform.sweep.SignalTable;
import org.reformdesk.platform.sweep.Signals;
import org.reformdesk.platform.sweep.Sweep;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds rectification items past their deadline without a verified rectification and emits
 * {@code reform.supervision.rectification-overdue.v1} once per (item, deadline), and items still being rectified
 * that fall due within a reminder offset, emitting {@code reform.supervision.rectification-due-soon.v1} once per
 * (item, deadline, offset). The platform's signals decide who emits, so a second run or a second replica emits
 * nothing; a reopened item with a new deadline is a new occasion.
 */
@ApplicationScoped
class RectificationSweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int overdue, int dueSoon) {
    }

    /** An item a sweep found, as its events describe it, and the reminder offset it is due at (0 when overdue). */
    private record Due(UUID itemId, LocalDate dueOn, int offset, UUID findingId, UUID unitId, String description,
            UUID responsiblePersonId) {
    }

    private static final SignalTable<Due> OVERDUE = SignalTable.of("rectification_signal",
            SignalTable.uuid("item_id", Due::itemId), SignalTable.date("due_on", Due::dueOn));

    private static final SignalTable<Due> DUE_SOON = SignalTable.of("rectification_due_signal",
            SignalTable.uuid("item_id", Due::itemId), SignalTable.date("due_on", Due::dueOn),
            SignalTable.integer("offset_days", Due::offset));

    private static final Logger LOG = Logger.getLogger(RectificationSweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Signals signals;

    @Inject
    ServiceClock clock;

    @Inject
    RectificationConfig config;

    @Scheduled(every = "${reform.rectification.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result result = sweep();
        if (result.overdue() + result.dueSoon() > 0) {
            LOG.infof("Rectification sweep for %s: %d item(s) went overdue, %d reminded before their deadline",
                    result.today(), result.overdue(), result.dueSoon());
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        int overdue = signalAll(OVERDUE, "i.state <> 'VERIFIED' AND i.due_on < :today", Map.of("today", today), 0,
                item -> RectificationOverdue.of(item.itemId(), item.findingId(), item.unitId(), item.description(),
                        item.dueOn(), item.responsiblePersonId()));
        int dueSoon = 0;
        for (ReminderOffsets.Band band : config.offsets().bands()) {
            // a reported rectification waits for re-inspection, not for the unit
            dueSoon += signalAll(DUE_SOON, "i.state = 'RECTIFYING' AND i.due_on BETWEEN :from AND :to",
                    Map.of("from", today.plusDays(band.fromDaysLeft()), "to", today.plusDays(band.toDaysLeft())),
                    band.offset(), item -> RectificationDueSoon.of(item.itemId(), item.findingId(), item.unitId(),
                            item.description(), item.dueOn(), (int) ChronoUnit.DAYS.between(today, item.dueOn()),
                            item.responsiblePersonId()));
        }
        return new Result(today, overdue, dueSoon);
    }

    /** Signals every item {@code due} selects at {@code offset} that was not signalled before, page by page. */
    private int signalAll(SignalTable<Due> table, String due, Map<String, Object> parameters, int offset,
            Function<Due, ReformEvent> event) {
        return Sweep.inPages(new UUID(0, 0), config.batchSize(), after -> {
            List<Due> page = page(due, parameters, offset, after);
            int emitted = signals.emit(table, page, event);
            return new Sweep.Page<>(page.size(), emitted, page.isEmpty() ? after : page.get(page.size() - 1).itemId());
        }).emitted();
    }

    @SuppressWarnings("unchecked")
    private List<Due> page(String due, Map<String, Object> parameters, int offset, UUID after) {
        var query = entityManager.createNativeQuery("""
                        SELECT i.id, i.due_on, i.finding_id, i.unit_id, i.description, i.responsible_person_id
                        FROM rectification_item i
                        WHERE %s AND i.id > :after
                        ORDER BY i.id LIMIT :batch""".formatted(due))
                .setParameter("after", after)
                .setParameter("batch", config.batchSize());
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Due((UUID) row[0], toDate(row[1]), offset, (UUID) row[2], (UUID) row[3],
                (String) row[4], (UUID) row[5])).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
