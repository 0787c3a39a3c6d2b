package org.reformdesk.task.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.jpa.HibernateHints;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.time.ReminderOffsets;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.directory.Unit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger as it is read: pages of tasks, the dashboards' counts, and each task with its milestones and traffic
 * light. The write side ({@link TaskService}, {@link TaskChangeService}) tells it when the ledger changed, so a count
 * is not reused past a change.
 */
@ApplicationScoped
public class TaskLedger {

    @Inject
    ServiceClock clock;

    @Inject
    LedgerConfig config;

    /** The deadline feature's reminder offsets; the largest opens DUE_SOON. */
    @Inject
    ReminderOffsets reminderOffsets;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Totals and summaries; see {@link RecentResults} for how long one is reused. */
    private RecentResults counts;

    @PostConstruct
    void countRecently() {
        counts = new RecentResults(config.countsMaxAge(), System::nanoTime);
    }

    /**
     * The counts change with this transaction: forget them now and again at its end, so a count computed while
     * it was open, without its rows, is not reused either.
     */
    void changed() {
        counts.changed();
        if (transactions.getResource(RecentResults.class) == null) {
            transactions.putResource(RecentResults.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    counts.changed();
                }
            });
        }
    }

    /** A count over the ledger under {@code key}: a recent one (see {@link RecentResults}), else {@code count}'s. */
    <V> V recently(Object key, java.util.function.Supplier<V> count) {
        return counts.get(key, count);
    }

    /** Days before a deadline from which an open task shows DUE_SOON: the largest reminder offset. */
    public int dueSoonDays() {
        return reminderOffsets.window();
    }

    public Timeliness timeliness(Task task) {
        return Timeliness.of(task.status, task.deadline, clock.today(), dueSoonDays());
    }

    public TaskView view(Task task) {
        return TaskView.of(task, Milestone.list("taskId = ?1 order by position", task.id), timeliness(task));
    }

    /** Views of many tasks with their milestones in one query, in the given order. */
    public List<TaskView> views(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Milestone>> milestones = Milestone.<Milestone>find("taskId in ?1 order by position",
                        tasks.stream().map(t -> t.id).toList()).withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .collect(Collectors.groupingBy(m -> m.taskId));
        return tasks.stream().map(t -> TaskView.of(t, milestones.getOrDefault(t.id, List.of()), timeliness(t))).toList();
    }

    /** The day each closed task among {@code tasks} was closed (its last move to CLOSED), in one query. */
    @SuppressWarnings("unchecked")
    public Map<UUID, LocalDate> closedOn(List<UUID> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("SELECT DISTINCT ON (task_id) task_id, "
                        + "to_char(at AT TIME ZONE :zone, 'YYYY-MM-DD') FROM task_history "
                        + "WHERE task_id IN (:tasks) AND to_status = 'CLOSED' ORDER BY task_id, at DESC")
                .setParameter("tasks", tasks).setParameter("zone", clock.getZone().getId()).getResultList();
        Map<UUID, LocalDate> closed = new HashMap<>();
        for (Object[] row : rows) {
            closed.put((UUID) row[0], LocalDate.parse((String) row[1]));
        }
        return closed;
    }

    @SuppressWarnings("unchecked")
    public Page<Task> list(LedgerFilter filter, String sort, PageRequest paging) {
        LedgerQuery query = new LedgerQuery(filter, clock.today(), dueSoonDays());
        String order = LedgerQuery.orderBy(sort);
        long total = counts.get(List.of("total", query.where, Map.copyOf(query.params)), () -> ((Number) query
                .create(entityManager, query.count()).getSingleResult()).longValue());
        // the page's ids first, so the rows before it are skipped by their ids alone (an index-only scan of the
        // ledger's order where the filter allows), then the page's rows; read-only: they are shown, not changed, so
        // Hibernate keeps no copies
        List<Task> tasks = query.create(entityManager, "SELECT t.* FROM task t WHERE t.id IN ("
                        + query.pageIds(sort, paging.size, (long) paging.page * paging.size) + ") ORDER BY " + order, Task.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        return new Page<>(tasks, paging.page, paging.size, total);
    }

    /**
     * Counts for dashboards (作战图): by status, timeliness, policy area, year and lead unit. A task counts once in
     * each area it belongs to and once in each year its deadline or a milestone falls due, so those columns can add
     * up to more than {@code total}, the distinct tasks.
     */
    @SuppressWarnings("unchecked")
    public LedgerSummary summary(LedgerFilter filter) {
        LocalDate today = clock.today();
        LedgerQuery query = new LedgerQuery(filter, today, dueSoonDays());
        return counts.get(List.of("summary", query.where, Map.copyOf(query.params), today), () -> summary(query, today));
    }

    @SuppressWarnings("unchecked")
    private LedgerSummary summary(LedgerQuery query, LocalDate today) {
        String timeliness = query.timelinessCase(today, dueSoonDays());
        String from = " FROM task t WHERE " + query.where;
        // one pass for the total and the counts by status, timeliness and lead unit
        List<Object[]> sets = query.create(entityManager, """
                SELECT x.status, x.light, x.unit, count(*), count(*) FILTER (WHERE x.light = 'OVERDUE'),
                       count(*) FILTER (WHERE x.status = 'CLOSED'), GROUPING(x.status, x.light, x.unit)
                FROM (SELECT t.status AS status, %s AS light, t.lead_unit_id AS unit%s) x
                GROUP BY GROUPING SETS ((x.status), (x.light), (x.unit), ())""".formatted(timeliness, from))
                .getResultList();
        long total = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byTimeliness = new TreeMap<>();
        Map<UUID, long[]> byUnit = new HashMap<>();
        for (Object[] row : sets) {
            long count = ((Number) row[3]).longValue();
            switch (((Number) row[6]).intValue()) {
                case 0b011 -> byStatus.put((String) row[0], count);
                case 0b101 -> byTimeliness.put((String) row[1], count);
                case 0b110 -> byUnit.put((UUID) row[2], new long[] {count, ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue()});
                default -> total = count;
            }
        }
        Map<String, Long> byArea = counts(query.create(entityManager,
                "SELECT a.area, count(*)" + from.replace(" FROM task t", " FROM task t CROSS JOIN unnest(t.policy_areas) AS a(area)")
                        + " GROUP BY 1 ORDER BY 1").getResultList());
        Map<String, Long> byYear = counts(query.create(entityManager,
                "SELECT CAST(y.year AS text), count(DISTINCT y.id) FROM (SELECT t.id, CAST(extract(year FROM t.deadline) AS int) AS year"
                        + from + " UNION SELECT t.id, CAST(extract(year FROM m.due_on) AS int)"
                        + from.replace(" FROM task t", " FROM task t JOIN task_milestone m ON m.task_id = t.id")
                        + ") y GROUP BY y.year ORDER BY y.year").getResultList());
        Map<UUID, Unit> units = byUnit.isEmpty() ? Map.of() : Unit.<Unit>list("id in ?1", List.copyOf(byUnit.keySet()))
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        List<LedgerSummary.UnitCount> byLeadUnit = byUnit.entrySet().stream()
                .map(e -> new LedgerSummary.UnitCount(e.getKey(), units.containsKey(e.getKey()) ? units.get(e.getKey()).code : null,
                        units.containsKey(e.getKey()) ? units.get(e.getKey()).name : null, e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(java.util.Comparator.comparing(LedgerSummary.UnitCount::code,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
        return new LedgerSummary(total, byStatus, byTimeliness, byArea, byYear, byLeadUnit, clock.instant());
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> byValue = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byValue.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return byValue;
    }
}
