package org.reformdesk.assessment.monthly;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.assessment.bulletin.Bulletins;
import org.reformdesk.assessment.live.LiveScores;
import org.reformdesk.assessment.live.UnitStanding;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.MonthPublished;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Closes a month (一月一排名): each category's ranking of the month is frozen as that month's snapshot, the
 * lowest-ranked unit is flagged for a diagnosis visit (一月一会诊), the month is published and its bulletin
 * (一月一通报) issued. The (month, category) key decides, in the same transaction as the outbox row, so closing a
 * month twice — or on two replicas at once — changes no ranking (the bulletin is issued again from the same ranking).
 */
@ApplicationScoped
class MonthClose {

    /**
     * What a close did: the categories it froze now (empty if the month was already closed), and who closed the
     * month first.
     */
    public record Result(String month, List<AssessmentCategory> closed, String closedBy) {
    }

    /** The actor of the close at the month boundary. */
    static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(MonthClose.class);

    @Inject
    EntityManager entityManager;

    @Inject
    LiveScores scores;

    @Inject
    Outbox outbox;

    @Inject
    Bulletins bulletins;

    @Inject
    ServiceClock clock;

    /** On the schedule, catches up: see {@link #catchUp()}. */
    @Scheduled(every = "${reform.month-close.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        for (Result result : catchUp()) {
            LOG.infof("Closed %s: %s", result.month(), result.closed());
        }
    }

    /**
     * Closes, oldest first, every month from the first this service knows (its earliest standing or close) up to the
     * last full month that is not closed in every category, or has no bulletin yet — not just the month that ended last, so months missed
     * while the service was down over the 1st, or skipped by a clock moved ahead, are frozen too, each from its own
     * month's standings. Replicas doing it at once close each (month, category) once: the key decides.
     *
     * @return the months a category was closed in now, oldest first; empty when nothing was left to close
     */
    public List<Result> catchUp() {
        YearMonth lastFull = scores.currentMonth().minusMonths(1);
        String first = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                        SELECT min(month) FROM (SELECT min(month) AS month FROM unit_standing
                            UNION ALL SELECT min(month) FROM month_close) known""")
                .getSingleResult());
        if (first == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Set<String> closed = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("""
                        SELECT c.month FROM month_close c JOIN month_bulletin b ON b.month = c.month
                        GROUP BY c.month HAVING count(*) = :categories""")
                .setParameter("categories", AssessmentCategory.values().length).getResultList()));
        List<Result> results = new ArrayList<>();
        for (YearMonth month = YearMonth.parse(first); !month.isAfter(lastFull); month = month.plusMonths(1)) {
            if (!closed.contains(month.toString())) {
                Result result = close(month, SYSTEM);
                if (!result.closed().isEmpty()) {
                    results.add(result);
                }
            }
        }
        return results;
    }

    /**
     * Closes an ended month for {@code actor} and issues its bulletin — again, replacing the last, if the month was
     * closed before; the current month and months to come are refused.
     */
    public Result close(YearMonth month, String actor) {
        if (!month.isBefore(scores.currentMonth())) {
            throw ProblemException.conflict("Month not over", month + " has not ended yet (today is "
                    + clock.today() + "); a month is closed once it is over.");
        }
        List<AssessmentCategory> closed = new ArrayList<>();
        for (AssessmentCategory category : AssessmentCategory.values()) {
            if (QuarkusTransaction.requiringNew().call(() -> closeCategory(month.toString(), category, actor))) {
                closed.add(category);
            }
        }
        bulletins.issue(month, actor);
        String closedBy = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "SELECT closed_by FROM month_close WHERE month = :month ORDER BY closed_at, category LIMIT 1")
                .setParameter("month", month.toString()).getSingleResult());
        return new Result(month.toString(), closed, closedBy);
    }

    private boolean closeCategory(String month, AssessmentCategory category, String actor) {
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO month_close (month, category, closed_at, closed_by)
                        VALUES (:month, :category, :now, :actor)
                        ON CONFLICT DO NOTHING""")
                .setParameter("month", month).setParameter("category", category.name()).setParameter("actor", actor)
                .setParameter("now", clock.instant()).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        List<UnitStanding> standings = scores.rerank(category, month).stream()
                .sorted(Comparator.comparingInt(UnitStanding::rank).thenComparing(UnitStanding::unitId))
                .toList();
        if (standings.isEmpty()) {
            return true;
        }
        int lowest = standings.stream().mapToInt(UnitStanding::rank).max().orElse(0);
        List<MonthPublished.Entry> ranking = new ArrayList<>();
        List<UUID> diagnosis = new ArrayList<>();
        for (UnitStanding standing : standings) {
            MonthRanking frozen = new MonthRanking();
            frozen.month = month;
            frozen.category = category;
            frozen.unitId = standing.unitId();
            frozen.score = standing.score();
            frozen.rank = standing.rank();
            // a category where everyone ties has no laggard to visit
            frozen.diagnosis = standings.size() > 1 && standing.rank() == lowest && lowest > 1;
            frozen.persist();
            ranking.add(new MonthPublished.Entry(standing.unitId(), standing.score(), standing.rank()));
            if (frozen.diagnosis) {
                diagnosis.add(standing.unitId());
            }
        }
        outbox.record(MonthPublished.of(month, category, ranking, diagnosis));
        return true;
    }
}
