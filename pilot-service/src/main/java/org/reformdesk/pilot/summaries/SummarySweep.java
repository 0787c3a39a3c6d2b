package org.reformdesk.pilot.summaries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.PilotSummaryDueSoon;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.pilot.ledger.Pilot;
import org.reformdesk.pilot.ledger.PilotStatus;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds summaries that running pilots owe and did not submit by their due date, and emits
 * {@code reform.pilot.summary-overdue.v1} once per (pilot, kind, period); and those falling due within a reminder
 * offset, emitting {@code reform.pilot.summary-due-soon.v1} once per (pilot, kind, period, offset). The signal
 * row's key decides, in the same transaction as the outbox row, so a second sweep or a second replica emits nothing.
 */
@ApplicationScoped
public class SummarySweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int overdue, int dueSoon) {
    }

    private static final Logger LOG = Logger.getLogger(SummarySweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    SummaryConfig config;

    @Scheduled(every = "${reform.summaries.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result result = sweep();
        if (result.overdue() + result.dueSoon() > 0) {
            LOG.infof("Summary sweep for %s: %d summaries overdue, %d reminded before they fall due", result.today(),
                    result.overdue(), result.dueSoon());
        }
    }

    public Result sweep() {
        LocalDate today = clock.today();
        List<UUID> running = QuarkusTransaction.requiringNew().call(() -> Pilot.<Pilot>list(
                        "status in ?1 and startsOn is not null and plannedEndOn is not null",
                        List.of(PilotStatus.IN_PROGRESS, PilotStatus.ACCEPTANCE))
                .stream().map(p -> p.id).toList());
        int overdue = 0;
        int dueSoon = 0;
        for (UUID pilot : running) {
            overdue += QuarkusTransaction.requiringNew().call(() -> signalMissing(pilot, today));
            dueSoon += QuarkusTransaction.requiringNew().call(() -> signalDueSoon(pilot, today));
        }
        return new Result(today, overdue, dueSoon);
    }

    /** Summaries not in yet that fall due within a reminder offset, each at the offset whose band it is in. */
    private int signalDueSoon(UUID pilotId, LocalDate today) {
        Pilot pilot = Pilot.findById(pilotId);
        if (pilot == null || !pilot.status.owesSummaries()) {
            return 0;
        }
        ReminderOffsets offsets = config.offsets();
        int signalled = 0;
        for (SummaryCalendar.Obligation owed : config.calendar().dueBy(pilot.startsOn, pilot.plannedEndOn,
                today.plusDays(offsets.window()))) {
            int daysLeft = (int) ChronoUnit.DAYS.between(today, owed.dueOn());
            Optional<Integer> offset = offsets.offsetFor(daysLeft);
            if (offset.isEmpty()) {
                continue;
            }
            int inserted = entityManager.createNativeQuery("""
                            INSERT INTO summary_due_signal (pilot_id, kind, period, offset_days, due_on, signalled_at)
                            SELECT :pilot, :kind, :period, :offset, :due, :now
                            WHERE NOT EXISTS (SELECT 1 FROM pilot_summary m WHERE m.pilot_id = :pilot
                                              AND m.kind = :kind AND m.period = :period)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("pilot", pilot.id)
                    .setParameter("kind", owed.kind().name())
                    .setParameter("period", owed.period())
                    .setParameter("offset", offset.get())
                    .setParameter("due", owed.dueOn())
                    .setParameter("now", clock.instant())
                    .executeUpdate();
            if (inserted == 1) {
                outbox.record(PilotSummaryDueSoon.of(pilot.id, pilot.name, pilot.leadUnitId, pilot.leadLeaderId,
                        owed.kind().name(), owed.period(), owed.dueOn(), daysLeft));
                signalled++;
            }
        }
        return signalled;
    }

    /** A summary is due at the end of its due day, so it is missing from the day after. */
    private int signalMissing(UUID pilotId, LocalDate today) {
        Pilot pilot = Pilot.findById(pilotId);
        if (pilot == null || !pilot.status.owesSummaries()) {
            return 0;
        }
        int signalled = 0;
        for (SummaryCalendar.Obligation owed : config.calendar().dueBy(pilot.startsOn, pilot.plannedEndOn,
                today.minusDays(1))) {
            int inserted = entityManager.createNativeQuery("""
                            INSERT INTO summary_signal (pilot_id, kind, period, due_on, signalled_at)
                            SELECT :pilot, :kind, :period, :due, :now
                            WHERE NOT EXISTS (SELECT 1 FROM pilot_summary m WHERE m.pilot_id = :pilot
                                              AND m.kind = :kind AND m.period = :period)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("pilot", pilot.id)
                    .setParameter("kind", owed.kind().name())
                    .setParameter("period", owed.period())
                    .setParameter("due", owed.dueOn())
                    .setParameter("now", clock.instant())
                    .executeUpdate();
            if (inserted == 1) {
                outbox.record(PilotSummaryOverdue.of(pilot.id, pilot.name, pilot.leadUnitId, pilot.leadLeaderId,
                        owed.kind().name(), owed.period(), owed.dueOn()));
                signalled++;
            }
        }
        return signalled;
    }
}
