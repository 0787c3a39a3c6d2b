package org.reformdesk.task.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.Optional;
import java.util.UUID;

/** Keeps the directory of units and tells the other services about every change. */
@ApplicationScoped
public class UnitService {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public Unit register(UnitResource.NewUnit request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/units", request, () -> {
            if (Unit.count("code", request.code()) > 0) {
                throw ProblemException.conflict("Unit code taken", "A unit with code " + request.code() + " exists.");
            }
            Unit unit = new Unit();
            unit.id = UUID.randomUUID();
            unit.code = request.code();
            unit.name = request.name();
            unit.category = request.category();
            unit.kind = request.kind();
            unit.createdAt = clock.instant();
            unit.createdBy = actor;
            unit.persist();
            outbox.record(UnitChanged.of(unit.id, unit.code, unit.name, unit.category, unit.kind));
            return unit.id;
        });
        return Unit.findById(id);
    }

    public Optional<Unit> find(UUID id) {
        return Unit.findByIdOptional(id);
    }

    public Page<Unit> list(PageRequest paging) {
        var query = Unit.<Unit>find("order by code");
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }
}
