package org.reformdesk.pilot.summaries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.pilot.ledger.Pilot;
import org.reformdesk.pilot.ledger.PilotHistory;
import org.reformdesk.pilot.ledger.PilotStatus;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Records the summaries pilots submit and shows each pilot's calendar of summaries owed. */
@ApplicationScoped
class SummaryService {

    /** Where one summary of a pilot's calendar stands. */
    public enum SummaryState {
        SUBMITTED, OVERDUE, UPCOMING
    }

    /** One summary of the calendar, with its submission if there is one. */
    public record CalendarEntry(SummaryKind kind, String period, LocalDate dueOn, SummaryState state,
            Instant submittedAt, String submittedBy, String content, String document) {
    }

    /** What a lead unit submits. */
    public record Submission(SummaryKind kind, String period, String content, String document) {
    }

    @Inject
    SummaryConfig config;

    @Inject
    ServiceClock clock;

    /**
     * Records a summary owed by the pilot's calendar; a second submission for the same period replaces the first
     * (and the history keeps both). Returns whether it was the first.
     */
    @Transactional
    public boolean submit(Pilot pilot, Submission submission, String actor) {
        if (!pilot.status.owesSummaries()) {
            throw ProblemException.conflict("Pilot is not under way", "The pilot is " + pilot.status
                    + "; summaries are submitted while it is " + PilotStatus.IN_PROGRESS + " or "
                    + PilotStatus.ACCEPTANCE + ".");
        }
        boolean owed = fullCalendar(pilot).stream()
                .anyMatch(o -> o.kind() == submission.kind() && o.period().equals(submission.period()));
        if (!owed) {
            throw ProblemException.invalid("period", "the pilot's calendar owes no " + submission.kind()
                    + " for " + submission.period() + " (its run is " + pilot.startsOn + " to " + pilot.plannedEndOn
                    + ")");
        }
        Optional<PilotSummary> earlier = PilotSummary.find("pilotId = ?1 and kind = ?2 and period = ?3", pilot.id,
                submission.kind(), submission.period()).firstResultOptional();
        PilotSummary summary = earlier.orElseGet(() -> {
            PilotSummary created = new PilotSummary();
            created.id = UUID.randomUUID();
            created.pilotId = pilot.id;
            created.kind = submission.kind();
            created.period = submission.period();
            return created;
        });
        summary.content = submission.content();
        summary.document = submission.document();
        summary.submittedAt = clock.instant();
        summary.submittedBy = actor;
        summary.persist();
        PilotHistory.record(pilot.id, summary.submittedAt, actor,
                earlier.isPresent() ? "SUMMARY_UPDATED" : "SUMMARY_SUBMITTED", null, null,
                submission.kind() + " " + submission.period());
        return earlier.isEmpty();
    }

    /** The pilot's whole calendar of summaries, oldest due date first, each with where it stands today. */
    public List<CalendarEntry> calendar(Pilot pilot) {
        Map<String, PilotSummary> submitted = PilotSummary.<PilotSummary>list("pilotId", pilot.id).stream()
                .collect(Collectors.toMap(s -> s.kind + "/" + s.period, Function.identity()));
        LocalDate today = clock.today();
        return fullCalendar(pilot).stream().map(o -> {
            PilotSummary s = submitted.get(o.kind() + "/" + o.period());
            if (s != null) {
                return new CalendarEntry(o.kind(), o.period(), o.dueOn(), SummaryState.SUBMITTED, s.submittedAt,
                        s.submittedBy, s.content, s.document);
            }
            SummaryState state = today.isAfter(o.dueOn()) ? SummaryState.OVERDUE : SummaryState.UPCOMING;
            return new CalendarEntry(o.kind(), o.period(), o.dueOn(), state, null, null, null, null);
        }).toList();
    }

    private List<SummaryCalendar.Obligation> fullCalendar(Pilot pilot) {
        if (pilot.startsOn == null || pilot.plannedEndOn == null) {
            return List.of();
        }
        return config.calendar().dueBy(pilot.startsOn, pilot.plannedEndOn,
                pilot.plannedEndOn.plusDays(config.finalSummaryDays()).plusMonths(1));
    }
}
