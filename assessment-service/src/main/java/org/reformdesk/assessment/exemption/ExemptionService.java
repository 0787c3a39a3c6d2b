package org.reformdesk.assessment.exemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.assessment.directory.AssessedUnit;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Grants exemptions (容错机制): the unit's points for the subject under the indicator stop counting at once — those
 * already recorded and any still to come — and the months they were in are re-scored and re-ranked. A month
 * already closed stays as published.
 */
@ApplicationScoped
public class ExemptionService {

    @Inject
    EntityManager entityManager;

    @Inject
    Event<PointsExempted> exempted;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public Exemption grant(ExemptionResource.NewExemption request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/exemptions", request, () -> {
            if (request.indicator().isManual()) {
                throw ProblemException.invalid("indicator", request.indicator()
                        + " is entered by the assessment group; only points from events can be exempted");
            }
            if (AssessedUnit.findById(request.unitId()) == null) {
                throw ProblemException.notFound("Unit", request.unitId());
            }
            if (Exemption.count("unitId = ?1 and subjectId = ?2 and indicator = ?3 and occasion is null",
                    request.unitId(), request.subjectId(), request.indicator()) > 0) {
                throw ProblemException.conflict("Already exempted", "The unit's " + request.indicator()
                        + " points for " + request.subjectId() + " are already exempted.");
            }
            return exempt(request.unitId(), request.subjectId(), request.indicator(), null, request.reason().strip(),
                    actor).id;
        });
        return Exemption.findById(id);
    }

    /** Exempts, unless already exempted: how a suspended task (待上级部署统一启动) stops costing points. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exemptIfNot(UUID unitId, UUID subjectId, Indicator indicator, String reason, String actor) {
        if (Exemption.count("unitId = ?1 and subjectId = ?2 and indicator = ?3 and occasion is null", unitId,
                subjectId, indicator) == 0) {
            exempt(unitId, subjectId, indicator, null, reason, actor);
        }
    }

    /**
     * Exempts the points of one occasion of a subject under an indicator (an approved extension's old deadline), for
     * whichever unit they were recorded against; nothing where none were recorded. Points of the subject's other
     * occasions, earlier or still to come, keep counting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exemptOccasion(UUID subjectId, Indicator indicator, String occasion, String reason, String actor) {
        @SuppressWarnings("unchecked")
        List<UUID> units = entityManager.createNativeQuery("""
                        SELECT DISTINCT e.unit_id FROM score_entry e
                        WHERE e.indicator = :indicator AND e.occasion = :occasion AND e.exempted_by IS NULL
                            AND NOT EXISTS (SELECT 1 FROM exemption x WHERE x.unit_id = e.unit_id
                                            AND x.indicator = :indicator AND x.occasion = :occasion)""", UUID.class)
                .setParameter("indicator", indicator.name()).setParameter("occasion", occasion).getResultList();
        units.forEach(unit -> exempt(unit, subjectId, indicator, occasion, reason, actor));
    }

    private Exemption exempt(UUID unitId, UUID subjectId, Indicator indicator, String occasion, String reason,
            String actor) {
        Exemption exemption = new Exemption();
        exemption.id = UUID.randomUUID();
        exemption.unitId = unitId;
        exemption.subjectId = subjectId;
        exemption.indicator = indicator;
        exemption.occasion = occasion;
        exemption.reason = reason;
        exemption.grantedBy = actor;
        exemption.grantedAt = clock.instant();
        exemption.persist();
        entityManager.flush();
        @SuppressWarnings("unchecked")
        List<String> months = entityManager.createNativeQuery("""
                        UPDATE score_entry SET exempted_by = :exemption
                        WHERE unit_id = :unit AND subject_id = :subject AND indicator = :indicator
                            AND (CAST(:occasion AS text) IS NULL OR occasion = CAST(:occasion AS text))
                            AND exempted_by IS NULL
                        RETURNING month""")
                .setParameter("exemption", exemption.id).setParameter("unit", unitId)
                .setParameter("subject", subjectId).setParameter("indicator", indicator.name())
                .setParameter("occasion", occasion)
                .getResultList();
        exempted.fire(new PointsExempted(unitId, months.stream().distinct().sorted().toList()));
        return exemption;
    }

    public Optional<Exemption> find(UUID id) {
        return Exemption.findByIdOptional(id);
    }

    public Page<Exemption> list(UUID unitId, PageRequest paging) {
        var query = unitId == null ? Exemption.<Exemption>find("order by grantedAt desc, id")
                : Exemption.<Exemption>find("unitId = ?1 order by grantedAt desc, id", unitId);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }
}
