package org.reformdesk.assessment.manual;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.assessment.directory.AssessedUnit;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the assessment group's scores (考核小组评分, 牵头部门评议, 民主评议): one per unit, kind and period. A month's
 * score moves that month's live score at once; a year's counts in the year-end assessment.
 */
@ApplicationScoped
class ManualScoreService {

    @Inject
    Event<MonthScoreEntered> monthScores;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public ManualScore enter(ManualScoreResource.NewManualScore request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/manual-scores", request, () -> {
            if (!request.kind().isManual()) {
                throw ProblemException.invalid("kind", request.kind() + " comes from events, not from an assessor");
            }
            if (AssessedUnit.findById(request.unitId()) == null) {
                throw ProblemException.notFound("Unit", request.unitId());
            }
            if (ManualScore.count("unitId = ?1 and kind = ?2 and period = ?3", request.unitId(), request.kind(),
                    request.period()) > 0) {
                throw ProblemException.conflict("Already scored", "The unit already has a " + request.kind()
                        + " score for " + request.period() + ".");
            }
            ManualScore score = new ManualScore();
            score.id = UUID.randomUUID();
            score.unitId = request.unitId();
            score.kind = request.kind();
            score.period = request.period();
            score.score = request.score().setScale(2, RoundingMode.HALF_UP);
            score.note = request.note();
            score.enteredBy = actor;
            score.enteredAt = clock.instant();
            score.persist();
            if (isMonth(score.period)) {
                monthScores.fire(new MonthScoreEntered(score.unitId, score.period));
            }
            return score.id;
        });
        return ManualScore.findById(id);
    }

    public Optional<ManualScore> find(UUID id) {
        return ManualScore.findByIdOptional(id);
    }

    public Page<ManualScore> list(UUID unitId, String period, PageRequest paging) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (unitId != null) {
            values.add(unitId);
            where.add("unitId = ?" + values.size());
        }
        if (period != null) {
            values.add(period);
            where.add("period = ?" + values.size());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by period desc, enteredAt, id";
        var found = ManualScore.<ManualScore>find(query, values.toArray());
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    static boolean isMonth(String period) {
        return period.length() == 7;
    }
}
