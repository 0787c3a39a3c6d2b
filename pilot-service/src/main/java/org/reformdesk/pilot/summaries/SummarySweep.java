package org.reformdesk.pilot.summaries;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.PilotSummaryDueSoon;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.pilot.ledger.Pilot;
import org.reformdesk.pilot.ledger.PilotStatus;
import org.reformdesk.platform.sweep.SignalTable;
import org.reformdesk.platform.sweep.Signals;
import org.reformdesk.platform.sweep.Sweep;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds summaries that running pilots owe and did not submit by their due date, and emits
 * {@code reform.pilot.summary-overdue.v1} once per (pilot, kind, period); and those falling due within a reminder
 * offset, emitting {@code reform.pilot.summary-due-soon.v1} once per (pilot, kind, period, offset). The platform's
 * signals decide who emits, so a second sweep or a second replica emits nothing.
 */
@ApplicationScoped
class SummarySweep {

    /** What one sweep did. */
    public record Result(LocalDate today, int overdue, int dueSoon) {
    }

    /** A summary a pilot owes and has not submitted, at a reminder offset (0 when overdue), as its events say. */
    private record Owed(Pilot pilot, SummaryCalendar.Obligation obligation, int offset) {

        Submitted summary() {
            return new Submitted(pilot.id, obligation.kind(), obligation.period());
        }
    }

    /** A summary in, by its key. */
    private record Submitted(UUID pilotId, SummaryKind kind, String period) {
    }

    private static final SignalTable<Owed> OVERDUE = SignalTable.of("summary_signal",
            SignalTable.uuid("pilot_id", owed -> owed.pilot().id),
            SignalTable.text("kind", owed -> owed.obligation().kind().name()),
            SignalTable.text("period", owed -> owed.obligation().period()),
            SignalTable.date("due_on", owed -> owed.obligation().dueOn()));

    private static final SignalTable<Owed> DUE_SOON = SignalTable.of("summary_due_signal",
            SignalTable.uuid("pilot_id", owed -> owed.pilot().id),
            SignalTable.text("kind", owed -> owed.obligation().kind().name()),
            SignalTable.text("period", owed -> owed.obligation().period()),
            SignalTable.integer("offset_days", Owed::offset),
            SignalTable.date("due_on", owed -> owed.obligation().dueOn()));

    private static final Logger LOG = Logger.getLogger(SummarySweep.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Signals signals;

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
        SummaryCalendar calendar = config.calendar();
        ReminderOffsets offsets = config.offsets();
        // a summary is due at the end of its due day, so it is missing from the day after
        int overdue = signalAll(OVERDUE, pilot -> calendar.dueBy(pilot.startsOn, pilot.plannedEndOn,
                        today.minusDays(1)).stream().map(owed -> new Owed(pilot, owed, 0)),
                owed -> PilotSummaryOverdue.of(owed.pilot().id, owed.pilot().name, owed.pilot().leadUnitId,
                        owed.pilot().leadLeaderId, owed.obligation().kind().name(), owed.obligation().period(),
                        owed.obligation().dueOn()));
        // each summary not in yet at the offset whose band it is in
        int dueSoon = signalAll(DUE_SOON, pilot -> calendar.dueBy(pilot.startsOn, pilot.plannedEndOn,
                        today.plusDays(offsets.window())).stream()
                        .flatMap(owed -> offsets.offsetFor(ChronoUnit.DAYS.between(today, owed.dueOn()))
                                .map(offset -> new Owed(pilot, owed, offset)).stream()),
                owed -> PilotSummaryDueSoon.of(owed.pilot().id, owed.pilot().name, owed.pilot().leadUnitId,
                        owed.pilot().leadLeaderId, owed.obligation().kind().name(), owed.obligation().period(),
                        owed.obligation().dueOn(),
                        (int) ChronoUnit.DAYS.between(today, owed.obligation().dueOn())));
        return new Result(today, overdue, dueSoon);
    }

    /** Signals what the running pilots owe and have not submitted, page of pilots by page; returns how many. */
    private int signalAll(SignalTable<Owed> table, Function<Pilot, Stream<Owed>> owing,
            Function<Owed, ReformEvent> event) {
        return Sweep.inPages(new UUID(0, 0), config.batchSize(), after -> {
            List<Pilot> page = running(after);
            Set<Submitted> submitted = submitted(page);
            List<Owed> owed = page.stream().flatMap(owing).filter(o -> !submitted.contains(o.summary())).toList();
            int emitted = signals.emit(table, owed, event);
            return new Sweep.Page<>(page.size(), emitted, page.isEmpty() ? after : page.get(page.size() - 1).id);
        }).emitted();
    }

    /** Up to a page of pilots after {@code after}, in id order, that are under way and so owe summaries. */
    private List<Pilot> running(UUID after) {
        return entityManager.createQuery("""
                        FROM Pilot p WHERE p.status IN :owing AND p.startsOn IS NOT NULL AND p.plannedEndOn IS NOT NULL
                          AND p.id > :after
                        ORDER BY p.id""", Pilot.class)
                .setParameter("owing", Arrays.stream(PilotStatus.values()).filter(PilotStatus::owesSummaries).toList())
                .setParameter("after", after)
                .setMaxResults(config.batchSize())
                .getResultList();
    }

    private Set<Submitted> submitted(List<Pilot> pilots) {
        if (pilots.isEmpty()) {
            return Set.of();
        }
        Set<Submitted> submitted = new HashSet<>();
        entityManager.createQuery("SELECT s.pilotId, s.kind, s.period FROM PilotSummary s WHERE s.pilotId IN :pilots",
                        Object[].class)
                .setParameter("pilots", pilots.stream().map(pilot -> pilot.id).toList())
                .getResultList()
                .forEach(row -> submitted.add(new Submitted((UUID) row[0], (SummaryKind) row[1], (String) row[2])));
        return submitted;
    }
}
