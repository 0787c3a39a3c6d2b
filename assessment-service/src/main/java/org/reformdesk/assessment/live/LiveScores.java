package org.reformdesk.assessment.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.reformdesk.assessment.directory.Placements;
import org.reformdesk.assessment.directory.UnitPlaced;
import org.reformdesk.assessment.exemption.PointsExempted;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps every unit's live score and rank for each month (一月一排名). Each scored fact adds an entry in the month
 * of the fact, moves the unit's score for that month and re-ranks its category; a unit whose rank changed is
 * announced with {@code reform.assessment.ranking-updated.v1}. Every unit of a category is ranked, at the base
 * score if nothing touched it that month. A consumer's batch works in sets, at its end: its facts are recorded in one
 * statement, the unit-months they moved re-scored together, and each category-month re-ranked once, so a unit whose
 * rank moved several times in a batch is announced once.
 */
@ApplicationScoped
public class LiveScores {

    /** The batch's facts not recorded yet, in the order its events came. */
    private static final String PENDING_FACTS = "facts to record";
    /** The batch's unit-months to re-score. */
    private static final String PENDING_SCORES = "unit-months to score";

    /** A unit's month. */
    private record UnitMonth(UUID unitId, String month) {
    }

    /** A fact scored in this batch, waiting to be recorded with the others. */
    private record PendingFact(UUID eventId, ScoredFact fact, Instant occurredAt, String month) {
    }

    /** A unit-month's standing as re-scoring reads it. */
    private record Standing(UnitMonth key, AssessmentCategory category, BigDecimal score) {
    }

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

    @Inject
    ObjectMapper json;

    /** The month a fact at {@code at} counts in. */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(clock.getZone()));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /**
     * Records a fact against a unit because of an event, in the event's month, and re-scores and re-ranks. In a
     * consumer's batch the facts are recorded together at its end (or before an exemption looks for them, see
     * {@link #recordFacts}), then each unit-month they moved is re-scored and each category-month re-ranked once. A
     * fact the office has already exempted is recorded as exempted and costs nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void score(UUID eventId, ScoredFact fact, Instant occurredAt) {
        if (fact.unitId() == null) {
            return; // against a person only (an accountability record): no unit's score to move
        }
        List<PendingFact> pending = oncePerBatch.value(PENDING_FACTS, ArrayList::new);
        pending.add(new PendingFact(eventId, fact, occurredAt, monthOf(occurredAt).toString()));
        // a batch runs its keys in order: its facts are recorded ("0 …"), then its unit-months re-scored ("1 …"),
        // then its categories re-ranked ("2 …")
        oncePerBatch.run("0 record facts", () -> record(pending));
    }

    /**
     * Records the facts this batch has scored so far, now rather than at its end: an exemption of one occasion
     * (an approved extension) covers only the facts already recorded, as it did when each was recorded at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordFacts() {
        record(oncePerBatch.value(PENDING_FACTS, ArrayList::new));
    }

    /**
     * Writes the pending facts in one statement, each valued by the scheme for its unit's category that month, and
     * re-scores the unit-months of those it recorded (a second fact of an occasion already counted is not).
     */
    private void record(List<PendingFact> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<PendingFact> facts = List.copyOf(pending);
        pending.clear();
        List<AssessmentCategory> categories = placements.categoriesIn(
                facts.stream().map(f -> f.fact().unitId()).toList(), facts.stream().map(PendingFact::month).toList());
        String[] points = new String[facts.size()];
        String[] areas = new String[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            ScoredFact fact = facts.get(i).fact();
            points[i] = schemes.rules(YearMonth.parse(facts.get(i).month()).getYear(), categories.get(i))
                    .points(fact.indicator(), fact.detail()).toPlainString();
            areas[i] = json(fact.policyAreas());
        }
        // in the batch's order, so that of two facts of one occasion the first counts, as when each was written alone
        @SuppressWarnings("unchecked")
        List<Object[]> recorded = entityManager.createNativeQuery("""
                        INSERT INTO score_entry (id, unit_id, event_id, indicator, detail, subject_id, points, reason,
                            occurred_at, month, occasion, policy_areas, exempted_by)
                        SELECT gen_random_uuid(), f.unit, f.event, f.indicator, f.detail, f.subject, f.points,
                            f.reason, f.at, f.month, f.occasion, ARRAY(SELECT jsonb_array_elements_text(f.areas)),
                            (SELECT x.id FROM exemption x WHERE x.unit_id = f.unit AND x.subject_id = f.subject
                                AND x.indicator = f.indicator AND (x.occasion IS NULL OR x.occasion = f.occasion)
                                ORDER BY x.occasion NULLS FIRST LIMIT 1)
                        FROM unnest(CAST(:units AS uuid[]), CAST(:events AS uuid[]), CAST(:indicators AS text[]),
                            CAST(:details AS text[]), CAST(:subjects AS uuid[]), CAST(:points AS numeric[]),
                            CAST(:reasons AS text[]), CAST(:at AS timestamptz[]), CAST(:months AS text[]),
                            CAST(:occasions AS text[]), CAST(:areas AS jsonb[])) WITH ORDINALITY
                            AS f(unit, event, indicator, detail, subject, points, reason, at, month, occasion, areas, n)
                        ORDER BY f.n
                        ON CONFLICT DO NOTHING
                        RETURNING unit_id, month""")
                .setParameter("units", texts(facts, f -> f.fact().unitId()))
                .setParameter("events", texts(facts, PendingFact::eventId))
                .setParameter("indicators", texts(facts, f -> f.fact().indicator().name()))
                .setParameter("details", texts(facts, f -> f.fact().detail()))
                .setParameter("subjects", texts(facts, f -> f.fact().subjectId()))
                .setParameter("points", points)
                .setParameter("reasons", texts(facts, f -> f.fact().reason()))
                .setParameter("at", texts(facts, PendingFact::occurredAt))
                .setParameter("months", texts(facts, PendingFact::month))
                .setParameter("occasions", texts(facts, f -> f.fact().occasion()))
                .setParameter("areas", areas)
                .getResultList();
        rescoreOncePerBatch(recorded.stream().map(row -> new UnitMonth((UUID) row[0], (String) row[1])).toList());
    }

    /**
     * Recomputes a unit's score for a month from its counting facts and manual scores, by the scheme in force for
     * the month's year, and re-ranks its category (once per unit-month and category-month for a consumer's batch).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(UUID unitId, String month) {
        rescoreOncePerBatch(List.of(new UnitMonth(unitId, month)));
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

    private void rescoreOncePerBatch(Collection<UnitMonth> unitMonths) {
        Set<UnitMonth> pending = oncePerBatch.value(PENDING_SCORES, LinkedHashSet::new);
        pending.addAll(unitMonths);
        oncePerBatch.run("1 score", () -> rescore(pending));
    }

    private void rerankOncePerBatch(AssessmentCategory category, String month) {
        oncePerBatch.run("2 rank " + category.name() + " " + month, () -> rerank(category, month));
    }

    /**
     * Re-scores unit-months together: their standings created and locked, their facts tallied and their manual scores
     * read in one query each, the scores that moved written in one statement, and their categories re-ranked.
     */
    private void rescore(Set<UnitMonth> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<UnitMonth> unitMonths = List.copyOf(pending);
        pending.clear();
        List<Standing> standings = lockedStandings(unitMonths);
        Map<UnitMonth, Map<Indicator, MonthlyScore.Tally>> tallies = tallies(unitMonths);
        Map<UnitMonth, Map<Indicator, BigDecimal>> manual = manualScores(unitMonths);
        List<UnitMonth> moved = new ArrayList<>();
        List<BigDecimal> scores = new ArrayList<>();
        for (Standing standing : standings) {
            UnitMonth key = standing.key();
            BigDecimal score = MonthlyScore.of(schemes.rules(YearMonth.parse(key.month()).getYear(),
                    standing.category()), tallies.getOrDefault(key, Map.of()), manual.getOrDefault(key, Map.of()));
            if (score.compareTo(standing.score()) != 0) {
                moved.add(key);
                scores.add(score);
            }
        }
        if (!moved.isEmpty()) {
            entityManager.createNativeQuery("""
                            UPDATE unit_standing s SET score = v.score, updated_at = :now
                            FROM unnest(CAST(:units AS uuid[]), CAST(:months AS text[]), CAST(:scores AS numeric[]))
                                AS v(unit, month, score)
                            WHERE s.unit_id = v.unit AND s.month = v.month""")
                    .setParameter("units", texts(moved, UnitMonth::unitId))
                    .setParameter("months", texts(moved, UnitMonth::month))
                    .setParameter("scores", texts(scores, BigDecimal::toPlainString))
                    .setParameter("now", clock.instant())
                    .executeUpdate();
        }
        for (Standing standing : standings) {
            if (standing.category() != null) {
                rerankOncePerBatch(standing.category(), standing.key().month());
            }
        }
    }

    /** How a unit's month is scored, indicator by indicator, as its category's scheme weighs it. */
    public MonthlyScore.Breakdown explain(UUID unitId, String month, AssessmentCategory category) {
        List<UnitMonth> unitMonth = List.of(new UnitMonth(unitId, month));
        return MonthlyScore.explain(schemes.rules(YearMonth.parse(month).getYear(), category),
                tallies(unitMonth).getOrDefault(unitMonth.get(0), Map.of()),
                manualScores(unitMonth).getOrDefault(unitMonth.get(0), Map.of()));
    }

    /** The month's manual scores of each unit-month, per indicator. */
    private Map<UnitMonth, Map<Indicator, BigDecimal>> manualScores(List<UnitMonth> unitMonths) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT m.unit_id, m.period, m.kind, m.score
                        FROM manual_score m JOIN unnest(CAST(:units AS uuid[]), CAST(:months AS text[])) AS k(unit, month)
                            ON m.unit_id = k.unit AND m.period = k.month""")
                .setParameter("units", texts(unitMonths, UnitMonth::unitId))
                .setParameter("months", texts(unitMonths, UnitMonth::month))
                .getResultList();
        Map<UnitMonth, Map<Indicator, BigDecimal>> scores = new HashMap<>();
        for (Object[] row : rows) {
            scores.computeIfAbsent(new UnitMonth((UUID) row[0], (String) row[1]), key -> new EnumMap<>(Indicator.class))
                    .put(Indicator.valueOf((String) row[2]), (BigDecimal) row[3]);
        }
        return scores;
    }

    /** The counting (not exempted) facts of each unit-month, per indicator. */
    private Map<UnitMonth, Map<Indicator, MonthlyScore.Tally>> tallies(List<UnitMonth> unitMonths) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.unit_id, e.month, e.indicator, sum(e.points), count(*),
                            count(*) FILTER (WHERE e.detail = 'ON_TIME')
                        FROM score_entry e JOIN unnest(CAST(:units AS uuid[]), CAST(:months AS text[])) AS k(unit, month)
                            ON e.unit_id = k.unit AND e.month = k.month
                        WHERE e.exempted_by IS NULL
                        GROUP BY e.unit_id, e.month, e.indicator""")
                .setParameter("units", texts(unitMonths, UnitMonth::unitId))
                .setParameter("months", texts(unitMonths, UnitMonth::month))
                .getResultList();
        Map<UnitMonth, Map<Indicator, MonthlyScore.Tally>> tallies = new HashMap<>();
        for (Object[] row : rows) {
            tallies.computeIfAbsent(new UnitMonth((UUID) row[0], (String) row[1]),
                    key -> new EnumMap<>(Indicator.class)).put(Indicator.valueOf((String) row[2]),
                    MonthlyScore.Tally.read(row, 3));
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
        UnitMonth unitMonth = new UnitMonth(unitId, month);
        AssessmentCategory before = lockedStandings(List.of(unitMonth)).get(0).category();
        AssessmentCategory category = placements.categoryIn(unitId, month);
        // a unit that left a category has no rank until its new one is ranked
        ((NativeQuery<?>) entityManager.createNativeQuery("""
                        UPDATE unit_standing SET category = :category, updated_at = :now,
                            rank = CASE WHEN :left THEN NULL ELSE rank END
                        WHERE unit_id = :unit AND month = :month"""))
                .setParameter("category", category == null ? null : category.name(), String.class)
                .setParameter("left", before != null && before != category)
                .setParameter("now", clock.instant())
                .setParameter("unit", unitId).setParameter("month", month)
                .executeUpdate();
        if (before != null && before != category) {
            rerankOncePerBatch(before, month);
        }
        if (category != null) {
            rescoreOncePerBatch(List.of(unitMonth));
        }
    }

    /**
     * Ranks a category for a month: every unit the directory placed in it as of the month's end, each at its month's
     * score. The ranks that moved are written in one statement and announced in one outbox batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UnitStanding> rerank(AssessmentCategory category, String month) {
        serialise();
        List<UnitStanding> units = standingsIn(category, month);
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
            units = standingsIn(category, month);
        }
        Map<UUID, Integer> ranks = Ranking.rank(units.stream()
                .map(unit -> new Ranking.Scored(unit.unitId(), unit.score())).toList());
        List<UnitStanding> ranked = new ArrayList<>();
        List<RankingUpdated> moved = new ArrayList<>();
        for (UnitStanding unit : units) {
            int rank = ranks.get(unit.unitId());
            if (unit.rank() == null || unit.rank() != rank) {
                moved.add(RankingUpdated.of(unit.unitId(), category, unit.score(), rank, unit.rank(), units.size(),
                        month));
            }
            ranked.add(new UnitStanding(unit.unitId(), month, category, unit.score(), rank));
        }
        if (!moved.isEmpty()) {
            entityManager.createNativeQuery("""
                            UPDATE unit_standing s SET rank = v.rank, updated_at = :now
                            FROM unnest(CAST(:units AS uuid[]), CAST(:ranks AS int[])) AS v(unit, rank)
                            WHERE s.unit_id = v.unit AND s.month = :month""")
                    .setParameter("units", texts(moved, RankingUpdated::unitId))
                    .setParameter("ranks", texts(moved, RankingUpdated::rank))
                    .setParameter("month", month).setParameter("now", clock.instant())
                    .executeUpdate();
            outbox.recordAll(moved);
        }
        return ranked;
    }

    /** The standings of a category's month, as they are now. */
    private List<UnitStanding> standingsIn(AssessmentCategory category, String month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT unit_id, score, rank FROM unit_standing WHERE category = :category AND month = :month")
                .setParameter("category", category.name()).setParameter("month", month).getResultList();
        return rows.stream().map(row -> new UnitStanding((UUID) row[0], month, category, (BigDecimal) row[1],
                row[2] == null ? null : ((Number) row[2]).intValue())).toList();
    }

    /**
     * Scoring and ranking are serialised in the service, whichever consumer thread, request, sweep or replica does
     * it: a consumer's batch locks the standings of hundreds of units and re-ranks their categories at its end, and
     * two transactions doing that in different orders would deadlock. Taken before any standing is locked and held
     * to the end of the transaction, so a consumer batch takes it once.
     */
    private void serialise() {
        oncePerBatch.value("scoring lock", () -> entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('scoring'))").getSingleResult());
    }

    /**
     * The unit-months' standings, locked for this transaction, in one statement to create those missing (at the base
     * score, in the category the unit is placed in at the month's end) and one to lock and read them all.
     */
    private List<Standing> lockedStandings(List<UnitMonth> unitMonths) {
        serialise();
        String[] units = texts(unitMonths, UnitMonth::unitId);
        String[] months = texts(unitMonths, UnitMonth::month);
        entityManager.createNativeQuery("""
                        INSERT INTO unit_standing (unit_id, month, category, score, updated_at)
                        SELECT k.unit, k.month, (SELECT p.category FROM unit_placement p
                                WHERE p.unit_id = k.unit AND p.valid_from < k.month_end
                                ORDER BY p.valid_from DESC LIMIT 1), :base, :now
                        FROM unnest(CAST(:units AS uuid[]), CAST(:months AS text[]), CAST(:monthEnds AS timestamptz[]))
                            AS k(unit, month, month_end)
                        ON CONFLICT DO NOTHING""")
                .setParameter("units", units).setParameter("months", months)
                .setParameter("monthEnds", texts(unitMonths, unitMonth -> placements.monthEnd(unitMonth.month())))
                .setParameter("base", ScoringRules.FULL_MARKS).setParameter("now", clock.instant())
                .executeUpdate();
        // in key order, as any other transaction locking standings would
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT s.unit_id, s.month, s.category, s.score
                        FROM unit_standing s JOIN unnest(CAST(:units AS uuid[]), CAST(:months AS text[])) AS k(unit, month)
                            ON s.unit_id = k.unit AND s.month = k.month
                        ORDER BY s.unit_id, s.month FOR UPDATE OF s""")
                .setParameter("units", units).setParameter("months", months).getResultList();
        return rows.stream().map(row -> new Standing(new UnitMonth((UUID) row[0], (String) row[1]),
                row[2] == null ? null : AssessmentCategory.valueOf((String) row[2]), (BigDecimal) row[3])).toList();
    }

    /** The values as an SQL array's elements in text (null stays null), cast in the statement to the column's type. */
    private static <T> String[] texts(Collection<T> values, Function<T, Object> value) {
        return values.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    private String json(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings cannot be written as JSON", e);
        }
    }
}
