package org.reformdesk.assessment.scheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.inbox.OncePerBatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which scheme is in force for a year: the published version of that year, or else of the latest year before it
 * (a scheme stays in force until the office publishes the next), or else the earliest there is. Published
 * definitions never change, so each is read from JSON once.
 */
@ApplicationScoped
public class SchemeBook {

    /** The scheme in force and its definition. */
    public record InForce(UUID id, int year, int version, SchemeDefinition definition) {

        public ScoringRules rules(AssessmentCategory category) {
            // a unit the directory has not placed yet is scored as category A until it is
            return new ScoringRules(definition.categories().get(category == null ? AssessmentCategory.A : category));
        }
    }

    private final Map<UUID, SchemeDefinition> parsed = new ConcurrentHashMap<>();

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    OncePerBatch oncePerBatch;

    /** The scheme in force for {@code year}, read once per consumer batch: a burst scores 10,000 facts of one year. */
    public InForce inForce(int year) {
        return oncePerBatch.value("scheme in force " + year, () -> published(year));
    }

    private InForce published(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, year, version FROM scheme WHERE status = 'PUBLISHED'
                        ORDER BY CASE WHEN year <= :year THEN 0 ELSE 1 END,
                            CASE WHEN year <= :year THEN -year ELSE year END
                        LIMIT 1""")
                .setParameter("year", year).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("No assessment scheme is published; the default one ships in V5");
        }
        UUID id = (UUID) rows.get(0)[0];
        return new InForce(id, ((Number) rows.get(0)[1]).intValue(), ((Number) rows.get(0)[2]).intValue(),
                parsed.computeIfAbsent(id, this::load));
    }

    public ScoringRules rules(int year, AssessmentCategory category) {
        return inForce(year).rules(category);
    }

    private SchemeDefinition load(UUID id) {
        return read(entityManager.find(Scheme.class, id).definition);
    }

    SchemeDefinition read(String definition) {
        try {
            return json.readValue(definition, SchemeDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored scheme cannot be read", e);
        }
    }

    String write(SchemeDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A scheme cannot be written", e);
        }
    }
}
