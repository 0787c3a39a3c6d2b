package org.reformdesk.assessment.yearend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.SchemeBook;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Makes the year end: every unit's monthly scores of the year (a closed month as frozen, an open one as it stands,
 * full marks where nothing touched the unit) and its manual scores of the year, graded per category by the scheme in
 * force for the year. The office recomputes as often as it likes, then publishes; a published year is frozen.
 */
@ApplicationScoped
class YearEndService {

    @Inject
    EntityManager entityManager;

    @Inject
    SchemeBook schemes;

    @Inject
    ServiceClock clock;

    @Transactional
    public YearEnd compute(int year, String actor) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "year-end:" + year).getSingleResult();
        YearEnd yearEnd = YearEnd.findById(year, LockModeType.PESSIMISTIC_WRITE);
        if (yearEnd != null && yearEnd.status == YearEnd.Status.PUBLISHED) {
            throw ProblemException.conflict("Year published", year + " was published on " + yearEnd.publishedAt
                    + "; its results are frozen.");
        }
        SchemeBook.InForce scheme = schemes.inForce(year);
        if (yearEnd == null) {
            yearEnd = new YearEnd();
            yearEnd.year = year;
        }
        yearEnd.status = YearEnd.Status.COMPUTED;
        yearEnd.schemeId = scheme.id();
        yearEnd.computedBy = actor;
        yearEnd.computedAt = clock.instant();
        yearEnd.persist();
        YearEndResult.delete("year", year);
        Map<UUID, List<BigDecimal>> monthly = monthlyScores(year);
        Map<UUID, Map<Indicator, BigDecimal>> manual = manualScores(year);
        for (AssessmentCategory category : AssessmentCategory.values()) {
            List<UUID> units = entityManager.createQuery("select u.id from AssessedUnit u where u.category = :c",
                    UUID.class).setParameter("c", category).getResultList();
            List<YearEndGrading.UnitYear> years = units.stream().map(unit -> new YearEndGrading.UnitYear(unit,
                    monthly.getOrDefault(unit, List.of()), manual.getOrDefault(unit, Map.of()))).toList();
            for (YearEndGrading.Result graded : YearEndGrading.grade(scheme.rules(category).indicators(),
                    scheme.definition().yearEnd(), years)) {
                YearEndResult result = new YearEndResult();
                result.year = year;
                result.unitId = graded.unitId();
                result.category = category;
                result.monthlyAverage = graded.monthlyAverage();
                result.months = graded.months();
                result.assessment = graded.assessment();
                result.composite = graded.composite();
                result.rank = graded.rank();
                result.grade = graded.grade();
                result.missing = graded.missing().stream().map(Enum::name).collect(Collectors.joining(","));
                result.persist();
            }
        }
        return yearEnd;
    }

    /** Freezes a computed year; publishing it again changes nothing. */
    @Transactional
    public YearEnd publish(int year, String actor) {
        YearEnd yearEnd = YearEnd.findById(year, LockModeType.PESSIMISTIC_WRITE);
        if (yearEnd == null) {
            throw ProblemException.conflict("Year not computed", "Compute " + year + " before publishing it.");
        }
        if (yearEnd.status == YearEnd.Status.COMPUTED) {
            yearEnd.status = YearEnd.Status.PUBLISHED;
            yearEnd.publishedBy = actor;
            yearEnd.publishedAt = clock.instant();
        }
        return yearEnd;
    }

    public Optional<YearEnd> find(int year) {
        return YearEnd.findByIdOptional(year);
    }

    public Page<YearEndResult> results(int year, AssessmentCategory category, PageRequest paging) {
        var query = YearEndResult.<YearEndResult>find("year = ?1 and category = ?2 order by rank, unitId", year,
                category);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }

    public Optional<YearEndResult> result(int year, UUID unitId) {
        return YearEndResult.findByIdOptional(new YearEndResult.Key(year, unitId));
    }

    /** Each unit's score in every month of the year its category was ranked, oldest first. */
    private Map<UUID, List<BigDecimal>> monthlyScores(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        WITH ranked AS (
                            SELECT DISTINCT month, category FROM unit_standing
                            WHERE month LIKE :year AND category IS NOT NULL
                            UNION SELECT month, category FROM month_close WHERE month LIKE :year)
                        SELECT u.id, coalesce(r.score, s.score, 100)
                        FROM assessed_unit u JOIN ranked m ON m.category = u.category
                        LEFT JOIN month_ranking r ON r.month = m.month AND r.category = m.category AND r.unit_id = u.id
                        LEFT JOIN unit_standing s ON s.unit_id = u.id AND s.month = m.month
                        ORDER BY u.id, m.month""")
                .setParameter("year", year + "-%").getResultList();
        Map<UUID, List<BigDecimal>> scores = new LinkedHashMap<>();
        for (Object[] row : rows) {
            scores.computeIfAbsent((UUID) row[0], unit -> new ArrayList<>()).add((BigDecimal) row[1]);
        }
        return scores;
    }

    private Map<UUID, Map<Indicator, BigDecimal>> manualScores(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT unit_id, kind, score FROM manual_score WHERE period = :year")
                .setParameter("year", String.valueOf(year)).getResultList();
        Map<UUID, Map<Indicator, BigDecimal>> scores = new LinkedHashMap<>();
        for (Object[] row : rows) {
            scores.computeIfAbsent((UUID) row[0], unit -> new EnumMap<>(Indicator.class))
                    .put(Indicator.valueOf((String) row[1]), (BigDecimal) row[2]);
        }
        return scores;
    }
}
