package org.reformdesk.task.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the directory of units and tells the other services about every change. */
@ApplicationScoped
class UnitService {

    /** What the unit list can filter on; null fields do not filter. */
    public record UnitFilter(AssessmentCategory category, UnitKind kind, String text) {
    }

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public Unit register(DirectoryRequests.UnitDetails request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/units", request, () -> {
            requireFreeCode(request.code(), null);
            Unit unit = new Unit();
            unit.id = UUID.randomUUID();
            unit.createdAt = clock.instant();
            unit.createdBy = actor;
            apply(unit, request, actor);
            unit.persist();
            return unit.id;
        });
        return Unit.findById(id);
    }

    @Transactional
    public Unit update(UUID id, DirectoryRequests.UnitDetails request, String actor) {
        Unit unit = Unit.<Unit>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Unit", id));
        requireFreeCode(request.code(), id);
        apply(unit, request, actor);
        return unit;
    }

    private void apply(Unit unit, DirectoryRequests.UnitDetails request, String actor) {
        unit.code = request.code();
        unit.name = request.name();
        unit.category = request.category();
        unit.kind = request.kind();
        unit.updatedAt = clock.instant();
        unit.updatedBy = actor;
        outbox.record(UnitChanged.of(unit.id, unit.code, unit.name, unit.category, unit.kind));
    }

    private void requireFreeCode(String code, UUID self) {
        if (Unit.count(self == null ? "code = ?1" : "code = ?1 and id <> ?2",
                self == null ? new Object[] {code} : new Object[] {code, self}) > 0) {
            throw ProblemException.conflict("Unit code taken", "A unit with code " + code + " exists.");
        }
    }

    public Optional<Unit> find(UUID id) {
        return Unit.findByIdOptional(id);
    }

    public Page<Unit> list(UnitFilter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.put("category", filter.category());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(name) like :text or lower(code) like :text)");
            params.put("text", "%" + filter.text().toLowerCase().strip() + "%");
        }
        var query = Unit.<Unit>find(where + " order by code", params);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }
}
