package org.reformdesk.assessment.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.reformdesk.assessment.directory.Placements;
import org.reformdesk.assessment.directory.UnitPlaced;
import org.reformdesk.assessment.exemption.PointsExempted;
import org.reformdesk.assessment.manual.ManualScore;
import org.reformdesk.assessment.manual.MonthScoreEntered;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.SchemeBook;
import org.reformdesk.assessment.scheme.ScoringRules;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.RankingUpdated;
import org.reformdesk.platform.inbox.OncePerBatch;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps every unit's live score and rank for each month (一月一排名). Each scored fact adds an entry in the month
 * of the fact, moves the unit's score for that month and re-ranks its category; a unit whose rank changed is
 * announced with {@code reform.assessment.ranking-updated.v1}. Every unit of a category is ranked, at the base
 * score if nothing touched it that month. A consumer's batch re-scores each unit-month and re-ranks each
 * category-month it touched once, at its end, so a unit whose rank moved several times in a batch is announced once.
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
    SchemeBook schemes;

    @Inject
    OncePerBatch oncePerBatch;

    @Inject
    Placements placements;

    /** The month a fact at {@code at} counts in. */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(clock.getZone()));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /**
     * Records a fact against a unit because of an event, in the event's month, and re-scores and re-ranks (once per
     * unit and once per category for a consumer's whole batch). A fact the office has already exempted is recorded as
     * exempted and costs nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void score(UUID eventId, ScoredFact fact, Instant occurredAt) {
        if (fact.unitId() == null) {
            return; // against a person only (an accountability record): no unit's score to move
        }
        YearMonth yearMonth = monthOf(occurredAt);
        String month = yearMonth.toString();
        UUID unitId = fact.unitId();
        AssessmentCategory category = oncePerBatch.value("category of " + unitId + " in " + month,
                () -> placements.categoryIn(unitId, month));
        ScoringRules rules = schemes.rules(yearMonth.getYear(), category);
        NativeQuery<?> insert = (NativeQuery<?>) entityManager.createNativeQuery("""
                INSERT INTO score_entry (id, unit_id, event_id, indicator, detail, subject_id, points, reason,
                    occurred_at, month, occasion, policy_areas, exempted_by)
                VALUES (:id, :unit, :event, :indicator, :detail, :subject, :points, :reason, :at, :month, :occasion,
                    CAST(:areas AS text[]),
                    (SELECT x.id FROM exemption x WHERE x.unit_id = :unit AND x.subject_id = :subject
                        AND x.indicator = :indicator AND (x.occasion IS NULL OR x.occasion = :occasion)
                        ORDER BY x.occasion NULLS FIRST LIMIT 1))
                ON CONFLICT DO NOTHING""");
        int recorded = insert
                .setParameter("id", UUID.randomUUID())
                .setParameter("unit", fact.unitId())
                .setParameter("event", eventId)
                .setParameter("indicator", fact.indicator().name())
                .setParameter("detail", fact.detail(), String.class)
                .setParameter("subject", fact.subjectId(), UUID.class)
                .setParameter("points", rules.points(fact.indicator(), fact.detail()))
                .setParameter("reason", fact.reason())
                .setParameter("at", occurredAt)
                .setParameter("month", month)
                .setParameter("occasion", fact.occasion(), String.class)
                .setParameter("areas", fact.policyAreas().toArray(String[]::new))
                .executeUpdate();
        if (recorded > 0) {
            // a batch runs its keys in order: every unit is re-scored ("1 …") before any category is re-ranked ("2 …")
            oncePerBatch.run("1 score " + unitId + " " + month, () -> refresh(unitId, month));
        }
    }

    /**
     * Recomputes a unit's score for a month from its counting facts and manual scores, by the scheme in force for
     * the month's year, and re-ranks its category.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(UUID unitId, String month) {
        UnitStanding standing = standing(unitId, month);
        rescore(standing);
        if (standing.category != null) {
            rerankOncePerBatch(standing.category, month);
        }
    }

    /** An exemption took points out of the unit's months: each is re-scored and re-ranked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPointsExempted(@Observes PointsExempted exempted) {
        exempted.months().forEach(month -> refresh(exempted.unitId(), month));
    }

    /** A manual score for a month counts in that month's score at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMonthScoreEntered(@Observes MonthScoreEntered entered) {
        refresh(entered.unitId(), entered.month());
    }

    private void rerankOncePerBatch(AssessmentCategory category, String month) {
        oncePerBatch.run("2 rank " + category.name() + " " + month, () -> rerank(category, month));
    }

    private void rescore(UnitStanding standing) {
        BigDecimal score = explain(standing.unitId, standing.month, standing.category).score();
        if (score.compareTo(standing.score) != 0) {
            standing.score = score;
            standing.updatedAt = clock.instant();
        }
    }

    /** How a unit's month is scored, indicator by indicator, as its category's scheme weighs it. */
    public MonthlyScore.Breakdown explain(UUID unitId, String month, AssessmentCategory category) {
        return MonthlyScore.explain(schemes.rules(YearMonth.parse(month).getYear(), category),
                tallies(unitId, month), manualScores(unitId, month));
    }

    /** The month's manual scores of a unit, per indicator. */
    private Map<Indicator, BigDecimal> manualScores(UUID unitId, String month) {
        Map<Indicator, BigDecimal> scores = new EnumMap<>(Indicator.class);
        for (ManualScore score : ManualScore.<ManualScore>list("unitId = ?1 and period = ?2", unitId, month)) {
            scores.put(score.kind, score.score);
        }
        return scores;
    }

    /** The counting (not exempted) facts of a unit's month, per indicator. */
    private Map<Indicator, MonthlyScore.Tally> tallies(UUID unitId, String month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT indicator, sum(points), count(*), count(*) FILTER (WHERE detail = 'ON_TIME')
                        FROM score_entry WHERE unit_id = :unit AND month = :month AND exempted_by IS NULL
                        GROUP BY indicator""")
                .setParameter("unit", unitId).setParameter("month", month).getResultList();
        Map<Indicator, MonthlyScore.Tally> tallies = new EnumMap<>(Indicator.class);
        for (Object[] row : rows) {
            tallies.put(Indicator.valueOf((String) row[0]), MonthlyScore.Tally.read(row, 1));
        }
        return tallies;
    }

    /**
     * Follows the directory: from the month the placement took effect on, each month of the unit's that is still
     * scored (and this month) ranks it in its new category, or in none, and the category it left is re-ranked. Months
     * before keep it where it was, so closing one of them late ranks it there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onUnitPlaced(@Observes UnitPlaced placed) {
        // a unit's first placement: every month it was scored in before the directory named it, too
        String from = placed.from() == null ? "" : monthOf(placed.from()).toString();
        @SuppressWarnings("unchecked")
        TreeSet<String> months = new TreeSet<>(entityManager.createNativeQuery(
                        "SELECT month FROM unit_standing WHERE unit_id = :unit AND month >= :from")
                .setParameter("unit", placed.unitId()).setParameter("from", from).getResultList());
        String current = currentMonth().toString();
        if (current.compareTo(from) >= 0) {
            months.add(current);
        }
        months.forEach(month -> follow(placed.unitId(), month));
    }

    /** Ranks a unit's month in the category it is placed in at the month's end, leaving the one it was in. */
    private void follow(UUID unitId, String month) {
        UnitStanding standing = standing(unitId, month);
        AssessmentCategory before = standing.category;
        AssessmentCategory category = placements.categoryIn(unitId, month);
        standing.category = category;
        standing.updatedAt = clock.instant();
        if (before != null && before != category) {
            standing.rank = null;
            rerankOncePerBatch(before, month);
        }
        if (category != null) {
            rescore(standing);
            rerankOncePerBatch(category, month);
        }
    }

    /**
     * Ranks a category for a month: every unit the directory placed in it as of the month's end, each at its month's
     * score.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UnitStanding> rerank(AssessmentCategory category, String month) {
        serialise();
        entityManager.flush();
        List<UnitStanding> units = UnitStanding.list("category = ?1 and month = ?2", category, month);
        long inCategory = ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM " + Placements.IN_FORCE + " p WHERE p.category = :category")
                .setParameter("monthEnd", placements.monthEnd(month)).setParameter("category", category.name())
                .getSingleResult()).longValue();
        if (units.size() < inCategory) {
            // some unit has no standing this month yet: one statement for the whole category, not one per unit
            entityManager.createNativeQuery("""
                            INSERT INTO unit_standing (unit_id, month, category, score, updated_at)
                            SELECT p.unit_id, :month, p.category, :base, :now FROM %s p WHERE p.category = :category
                            ON CONFLICT (unit_id, month) DO UPDATE SET category = excluded.category
                            WHERE unit_standing.category IS DISTINCT FROM excluded.category""".formatted(
                            Placements.IN_FORCE))
                    .setParameter("month", month).setParameter("category", category.name())
                    .setParameter("monthEnd", placements.monthEnd(month))
                    .setParameter("base", ScoringRules.FULL_MARKS).setParameter("now", clock.instant())
                    .executeUpdate();
            units = UnitStanding.list("category = ?1 and month = ?2", category, month);
        }
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

    /**
     * Scoring and ranking are serialised in the service, whichever consumer thread, request, sweep or replica does
     * it: a consumer's batch locks the standings of hundreds of units in the order its events come and re-ranks their
     * categories at its end, and two transactions doing that in different orders would deadlock. Taken before any
     * standing is locked and held to the end of the transaction, so a consumer batch takes it once.
     */
    private void serialise() {
        oncePerBatch.value("scoring lock", () -> entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('scoring'))").getSingleResult());
    }

    /** The unit's standing for the month, locked for this transaction; a new one starts at the base score. */
    UnitStanding standing(UUID unitId, String month) {
        serialise();
        entityManager.createNativeQuery("""
                        INSERT INTO unit_standing (unit_id, month, category, score, updated_at)
                        VALUES (:unit, :month, (SELECT p.category FROM %s p WHERE p.unit_id = :unit), :base, :now)
                        ON CONFLICT DO NOTHING""".formatted(Placements.IN_FORCE))
                .setParameter("unit", unitId)
                .setParameter("month", month)
                .setParameter("monthEnd", placements.monthEnd(month))
                .setParameter("base", ScoringRules.FULL_MARKS)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return entityManager.find(UnitStanding.class, new UnitStanding.Key(unitId, month),
                LockModeType.PESSIMISTIC_WRITE);
    }
}
