package org.reformdesk.task.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.GroupChanged;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps the special groups (专项小组) and publishes every change. */
@ApplicationScoped
class GroupService {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public SpecialGroup register(DirectoryRequests.GroupDetails request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/groups", request, () -> {
            SpecialGroup group = new SpecialGroup();
            group.id = UUID.randomUUID();
            group.createdAt = clock.instant();
            group.createdBy = actor;
            apply(group, request, actor);
            group.persist();
            return group.id;
        });
        return SpecialGroup.findById(id);
    }

    @Transactional
    public SpecialGroup update(UUID id, DirectoryRequests.GroupDetails request, String actor) {
        SpecialGroup group = SpecialGroup.<SpecialGroup>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Special group", id));
        apply(group, request, actor);
        return group;
    }

    private void apply(SpecialGroup group, DirectoryRequests.GroupDetails request, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Person head = Person.findById(request.headPersonId());
        if (head == null || head.removedAt != null) {
            errors.add(new Problem.FieldError("headPersonId", "no person with id " + request.headPersonId()));
        }
        if (Unit.findById(request.liaisonUnitId()) == null) {
            errors.add(new Problem.FieldError("liaisonUnitId", "no unit with id " + request.liaisonUnitId()));
        }
        List<UUID> members = request.memberUnitIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.memberUnitIds()));
        if (!members.isEmpty() && Unit.count("id in ?1", members) != members.size()) {
            errors.add(new Problem.FieldError("memberUnitIds", "names a unit that does not exist"));
        }
        if (SpecialGroup.count("lower(name) = ?1 and id <> ?2", request.name().strip().toLowerCase(), group.id) > 0) {
            errors.add(new Problem.FieldError("name", "another special group has this name"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        group.name = request.name().strip();
        group.headPersonId = request.headPersonId();
        group.liaisonUnitId = request.liaisonUnitId();
        group.memberUnitIds = new ArrayList<>(members);
        group.updatedAt = clock.instant();
        group.updatedBy = actor;
        outbox.record(GroupChanged.of(group.id, group.name, group.headPersonId, group.liaisonUnitId,
                List.copyOf(group.memberUnitIds)));
    }

    public Optional<SpecialGroup> find(UUID id) {
        return SpecialGroup.findByIdOptional(id);
    }

    public Page<SpecialGroup> list(PageRequest paging) {
        var query = SpecialGroup.<SpecialGroup>find("order by name");
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }
}
