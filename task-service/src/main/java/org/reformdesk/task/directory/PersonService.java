package org.reformdesk.task.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.PersonRemoved;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the people of the directory and publishes every change, so reminders reach the right person. */
@ApplicationScoped
class PersonService {

    /** What the people list can filter on; null fields do not filter. */
    public record PersonFilter(UUID unit, Post post, String text, String username) {
    }

    static final String DEFAULT_LANGUAGE = "zh-CN";

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public Person register(DirectoryRequests.PersonDetails request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/people", request, () -> {
            Person person = new Person();
            person.id = UUID.randomUUID();
            person.createdAt = clock.instant();
            person.createdBy = actor;
            apply(person, request, actor);
            person.persist();
            return person.id;
        });
        return Person.findById(id);
    }

    @Transactional
    public Person update(UUID id, DirectoryRequests.PersonDetails request, String actor) {
        Person person = current(id);
        apply(person, request, actor);
        return person;
    }

    /**
     * A person who left their post: kept for the histories that name them, gone from lists and copies. A group
     * they head must get a new head first.
     */
    @Transactional
    public void remove(UUID id, String actor) {
        Person person = current(id);
        if (SpecialGroup.count("headPersonId", id) > 0) {
            throw ProblemException.conflict("Person heads a special group",
                    "Give the special group a new head (组长) before removing " + person.name + ".");
        }
        person.removedAt = clock.instant();
        person.removedBy = actor;
        outbox.record(PersonRemoved.of(person.id, person.unitId));
    }

    private void apply(Person person, DirectoryRequests.PersonDetails request, String actor) {
        if (Unit.findById(request.unitId()) == null) {
            throw ProblemException.invalid("unitId", "no unit with id " + request.unitId());
        }
        String username = request.username() == null ? null : request.username().toLowerCase(Locale.ROOT);
        if (username != null) {
            loggedInAs(username).filter(other -> !other.id.equals(person.id)).ifPresent(other -> {
                throw ProblemException.conflict("Login taken", "The login " + username + " is already "
                        + other.name + "'s (person " + other.id + ").");
            });
        }
        person.username = username;
        person.name = request.name().strip();
        person.unitId = request.unitId();
        person.post = request.post();
        person.phone = request.phone();
        person.email = request.email();
        person.language = request.language() != null ? request.language() : DEFAULT_LANGUAGE;
        person.wecomUserId = request.wecomUserId();
        person.dingtalkUserId = request.dingtalkUserId();
        person.updatedAt = clock.instant();
        person.updatedBy = actor;
        outbox.record(new PersonChanged(person.id, person.name, person.unitId, person.post.name(), person.phone,
                person.email, person.language, person.username, person.wecomUserId, person.dingtalkUserId));
    }

    /** A person still in the directory; a removed one is gone for every write. */
    private Person current(UUID id) {
        return Person.<Person>findByIdOptional(id).filter(p -> p.removedAt == null)
                .orElseThrow(() -> ProblemException.notFound("Person", id));
    }

    public Optional<Person> find(UUID id) {
        return Person.findByIdOptional(id);
    }

    /** The current person whose login name is {@code username} (any case). */
    public Optional<Person> loggedInAs(String username) {
        return Person.find("lower(username) = ?1 and removedAt is null", username.toLowerCase(Locale.ROOT))
                .firstResultOptional();
    }

    public Page<Person> list(PersonFilter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder("removedAt is null");
        Map<String, Object> params = new HashMap<>();
        if (filter.unit() != null) {
            where.append(" and unitId = :unit");
            params.put("unit", filter.unit());
        }
        if (filter.post() != null) {
            where.append(" and post = :post");
            params.put("post", filter.post());
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            where.append(" and lower(username) = :username");
            params.put("username", filter.username().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and lower(name) like :text");
            params.put("text", "%" + filter.text().toLowerCase().strip() + "%");
        }
        var query = Person.<Person>find(where + " order by name, id", params);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }
}
