package org.reformdesk.assessment.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.reformdesk.events.AssessmentCategory;

import java.util.List;

/**
 * Recomputes every monthly score from the stored facts (the score entries), after a correction of the scoring
 * rules say, and re-ranks every category of every month. It must agree with the live path, which applies the same
 * entries one by one; frozen months stay as published.
 */
@ApplicationScoped
public class ScoreRebuild {

    /** What a rebuild did: standings recomputed, and how many of them had a different score before. */
    public record Result(int standings, int changed) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    LiveScores scores;

    public Result rebuild() {
        return QuarkusTransaction.requiringNew().call(() -> {
            int changed = entityManager.createNativeQuery("""
                            UPDATE unit_standing s SET score = :base + coalesce((SELECT sum(e.points) FROM score_entry e
                                WHERE e.unit_id = s.unit_id AND e.month = s.month), 0)
                            WHERE score <> :base + coalesce((SELECT sum(e.points) FROM score_entry e
                                WHERE e.unit_id = s.unit_id AND e.month = s.month), 0)""")
                    .setParameter("base", scores.rules().base()).executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> months = entityManager.createNativeQuery("SELECT DISTINCT month FROM unit_standing")
                    .getResultList();
            int standings = 0;
            for (String month : months) {
                for (AssessmentCategory category : AssessmentCategory.values()) {
                    standings += scores.rerank(category, month).size();
                }
            }
            return new Result(standings, changed);
        });
    }
}
