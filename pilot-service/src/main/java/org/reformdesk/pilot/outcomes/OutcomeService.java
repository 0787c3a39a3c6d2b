package org.reformdesk.pilot.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ExperiencePromoted;
import org.reformdesk.pilot.ledger.Pilot;
import org.reformdesk.pilot.ledger.PilotHistory;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.List;
import java.util.UUID;

/** Records what pilots produced, where it was promoted, and their demonstration sites. */
@ApplicationScoped
class OutcomeService {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    /** A promoted outcome is announced with {@code reform.pilot.experience-promoted.v1}. */
    @Transactional
    public PilotOutcome record(Pilot pilot, OutcomeResource.NewOutcome request, String actor, String idempotencyKey) {
        if ((request.promotionLevel() == null) != (request.promotedOn() == null)) {
            throw ProblemException.invalid(request.promotionLevel() == null ? "promotionLevel" : "promotedOn",
                    "promotion level and date go together");
        }
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/pilots/" + pilot.id + "/outcomes",
                request, () -> {
                    PilotOutcome outcome = new PilotOutcome();
                    outcome.id = UUID.randomUUID();
                    outcome.pilotId = pilot.id;
                    outcome.kind = request.kind();
                    outcome.title = request.title();
                    outcome.description = request.description();
                    outcome.promotionLevel = request.promotionLevel();
                    outcome.promotedOn = request.promotedOn();
                    outcome.recordedAt = clock.instant();
                    outcome.recordedBy = actor;
                    outcome.persist();
                    PilotHistory.record(pilot.id, outcome.recordedAt, actor, "OUTCOME_RECORDED", null, null,
                            outcome.kind + " " + outcome.title
                                    + (outcome.promotionLevel == null ? "" : " promoted at " + outcome.promotionLevel));
                    if (outcome.promotionLevel != null) {
                        outbox.record(ExperiencePromoted.of(pilot.id, outcome.id, pilot.leadUnitId,
                                outcome.kind.name(), outcome.title, outcome.promotionLevel.name(), outcome.promotedOn));
                    }
                    return outcome.id;
                });
        return PilotOutcome.findById(id);
    }

    @Transactional
    public DemonstrationSite designate(Pilot pilot, OutcomeResource.NewSite request, String actor,
            String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/pilots/" + pilot.id + "/sites",
                request, () -> {
                    DemonstrationSite site = new DemonstrationSite();
                    site.id = UUID.randomUUID();
                    site.pilotId = pilot.id;
                    site.name = request.name();
                    site.location = request.location();
                    site.designatedOn = request.designatedOn();
                    site.recordedAt = clock.instant();
                    site.recordedBy = actor;
                    site.persist();
                    PilotHistory.record(pilot.id, site.recordedAt, actor, "SITE_DESIGNATED", null, null, site.name);
                    return site.id;
                });
        return DemonstrationSite.findById(id);
    }

    public List<PilotOutcome> outcomes(UUID pilotId) {
        return PilotOutcome.list("pilotId = ?1 order by recordedAt, id", pilotId);
    }

    public List<DemonstrationSite> sites(UUID pilotId) {
        return DemonstrationSite.list("pilotId = ?1 order by recordedAt, id", pilotId);
    }
}
