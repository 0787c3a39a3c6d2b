package org.reformdesk.assessment.scheme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the schemes: a new version of a year's scheme is stored as a draft once valid, and publishing it puts it in
 * force (the version it replaces is superseded, never edited) and rescores every month from the stored facts.
 */
@ApplicationScoped
class SchemeService {

    /** A publication: the scheme now in force, and what rescoring by it changed. */
    public record Publication(Scheme scheme, Rescoring.Result rescored) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    SchemeBook book;

    @Inject
    Rescoring rescoring;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public Scheme draft(SchemeResource.NewScheme request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/schemes", request, () -> {
            SchemeDefinition definition = new SchemeDefinition(request.categories(), request.yearEnd());
            List<Problem.FieldError> errors = SchemeValidation.errors(definition);
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "Invalid scheme", errors.size() + " problem(s) with the scheme; "
                        + errors.get(0).field() + ": " + errors.get(0).message(), errors);
            }
            // versions of a year are numbered in order, whoever drafts at the same time
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                    .setParameter("key", "scheme:" + request.year()).getSingleResult();
            Scheme scheme = new Scheme();
            scheme.id = UUID.randomUUID();
            scheme.year = request.year();
            scheme.version = ((Number) entityManager.createNativeQuery(
                            "SELECT coalesce(max(version), 0) + 1 FROM scheme WHERE year = :year")
                    .setParameter("year", request.year()).getSingleResult()).intValue();
            scheme.status = Scheme.Status.DRAFT;
            scheme.name = request.name().strip();
            scheme.definition = book.write(definition);
            scheme.createdBy = actor;
            scheme.createdAt = clock.instant();
            scheme.persist();
            return scheme.id;
        });
        return Scheme.findById(id);
    }

    /** Puts a draft in force for its year, then rescores every month from the stored facts. */
    public Publication publish(UUID id, String actor) {
        Scheme published = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Scheme scheme = Scheme.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (scheme == null) {
                throw ProblemException.notFound("Scheme", id);
            }
            if (scheme.status != Scheme.Status.DRAFT) {
                throw ProblemException.conflict("Not a draft", "Version " + scheme.version + " of " + scheme.year
                        + " is " + scheme.status + "; a scheme is changed by publishing a new version.");
            }
            entityManager.createNativeQuery(
                            "UPDATE scheme SET status = 'SUPERSEDED' WHERE year = :year AND status = 'PUBLISHED'")
                    .setParameter("year", scheme.year).executeUpdate();
            scheme.status = Scheme.Status.PUBLISHED;
            scheme.publishedBy = actor;
            scheme.publishedAt = clock.instant();
            return scheme;
        });
        return new Publication(published, rescoring.rebuild());
    }

    public Optional<Scheme> find(UUID id) {
        return Scheme.findByIdOptional(id);
    }

    public Scheme inForce(int year) {
        return Scheme.findById(book.inForce(year).id());
    }

    public SchemeDefinition definition(Scheme scheme) {
        return book.read(scheme.definition);
    }

    public Page<Scheme> list(Integer year, PageRequest paging) {
        var query = year == null ? Scheme.<Scheme>find("order by year desc, version desc")
                : Scheme.<Scheme>find("year = ?1 order by version desc", year);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }
}
