package org.reformdesk.assessment.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.reformdesk.assessment.directory.AssessedUnit;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.RankingUpdated;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps every unit's live score and rank for each month (一月一排名). Each scored fact adds an entry in the month
 * of the fact, moves the unit's score for that month and re-ranks its category; a unit whose rank changed is
 * announced with {@code reform.assessment.ranking-updated.v1}. Every unit of a category is ranked, at the base
 * score if nothing touched it that month.
 */
@ApplicationScoped
public class LiveScores {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    ScoringConfig config;

    public ScoringRules rules() {
        return ScoringRules.of(config);
    }

    /** The month a fact at {@code at} counts in. */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(clock.getZone()));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** Records points for a unit because of an event, in the event's month, and re-ranks the unit's category. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void score(UUID unitId, UUID eventId, ScoringRules.Points points, String reason, Instant occurredAt) {
        String month = monthOf(occurredAt).toString();
        int recorded = entityManager.createNativeQuery("""
                        INSERT INTO score_entry (id, unit_id, event_id, indicator, points, reason, occurred_at, month)
                        VALUES (:id, :unit, :event, :indicator, :points, :reason, :at, :month)
                        ON CONFLICT DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("unit", unitId)
                .setParameter("event", eventId)
                .setParameter("indicator", points.indicator().name())
                .setParameter("points", points.value())
                .setParameter("reason", reason)
                .setParameter("at", occurredAt)
                .setParameter("month", month)
                .executeUpdate();
        if (recorded == 0) {
            return;
        }
        UnitStanding standing = standing(unitId, month);
        standing.score = standing.score.add(points.value());
        standing.updatedAt = clock.instant();
        if (standing.category != null) {
            rerank(standing.category, month);
        }
    }

    /**
     * The directory placed a unit in a category (it was in {@code before}, null for a new unit): rank it there this
     * month, and re-rank the category it left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placeInCategory(UUID unitId, AssessmentCategory before, AssessmentCategory category) {
        String month = currentMonth().toString();
        UnitStanding standing = standing(unitId, month);
        standing.category = category;
        standing.updatedAt = clock.instant();
        if (before != null && before != category) {
            standing.rank = null;
            rerank(before, month);
        }
        rerank(category, month);
    }

    /**
     * Ranks a category for a month: every unit the directory has in it, each at its month's score. Serialised per
     * category, whichever consumer thread or replica asks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UnitStanding> rerank(AssessmentCategory category, String month) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "ranking:" + category.name()).getSingleResult();
        for (AssessedUnit unit : AssessedUnit.<AssessedUnit>list("category", category)) {
            standing(unit.id, month).category = category;
        }
        entityManager.flush();
        List<UnitStanding> units = UnitStanding.list("category = ?1 and month = ?2", category, month);
        Map<UUID, Integer> ranks = Ranking.rank(units.stream()
                .map(unit -> new Ranking.Scored(unit.unitId, unit.score)).toList());
        for (UnitStanding unit : units) {
            Integer previous = unit.rank;
            int rank = ranks.get(unit.unitId);
            if (previous == null || previous != rank) {
                unit.rank = rank;
                unit.updatedAt = clock.instant();
                outbox.record(RankingUpdated.of(unit.unitId, category, unit.score, rank, previous, units.size(),
                        month));
            }
        }
        return units;
    }

    /** The unit's standing for the month, locked for this transaction; a new one starts at the base score. */
    UnitStanding standing(UUID unitId, String month) {
        entityManager.createNativeQuery("""
                        INSERT INTO unit_standing (unit_id, month, category, score, updated_at)
                        VALUES (:unit, :month, (SELECT category FROM assessed_unit WHERE id = :unit), :base, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("unit", unitId)
                .setParameter("month", month)
                .setParameter("base", rules().base())
                .setParameter("now", clock.instant())
                .executeUpdate();
        return entityManager.find(UnitStanding.class, new UnitStanding.Key(unitId, month),
                LockModeType.PESSIMISTIC_WRITE);
    }
}
