package org.reformdesk.task.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.reformdesk.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger filter as SQL over {@code task t}. Native SQL because the multi-valued fields (areas, co-leads,
 * participants, tags) are PostgreSQL arrays whose GIN indexes only the {@code @>} operator uses.
 */
final class LedgerQuery {

    /** The sort orders a client may ask for; the code breaks ties so pages never overlap. */
    static final Map<String, String> SORTS = Map.of(
            "deadline", "t.deadline, t.code",
            "-deadline", "t.deadline DESC, t.code",
            "code", "t.code",
            "-code", "t.code DESC",
            "created", "t.created_at, t.code",
            "-created", "t.created_at DESC, t.code",
            "title", "t.title, t.code");

    static final String OPEN = "('ASSIGNED', 'IN_PROGRESS', 'CLOSE_REQUESTED')";

    final String where;
    final Map<String, Object> params = new LinkedHashMap<>();
    /** The parameter of the one unit whose tasks the filter asks for (the caller's scope first), or null. */
    private String unit;
    /** The filter's clauses besides that unit's. */
    private final String besidesUnit;

    LedgerQuery(LedgerFilter filter, LocalDate today, int dueSoonDays) {
        List<String> clauses = new ArrayList<>();
        clauses.add("TRUE");
        if (filter.status() != null) {
            clauses.add("t.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.leadUnit() != null) {
            clauses.add("t.lead_unit_id = :leadUnit");
            params.put("leadUnit", filter.leadUnit());
        }
        involves(clauses, "unit", filter.unit());
        involves(clauses, "scope", filter.scope());
        if (filter.group() != null) {
            clauses.add("t.group_id = :group");
            params.put("group", filter.group());
        }
        if (filter.responsiblePerson() != null) {
            clauses.add("t.responsible_person_id = :responsiblePerson");
            params.put("responsiblePerson", filter.responsiblePerson());
        }
        if (filter.responsibleLeader() != null) {
            clauses.add("t.responsible_leader_id = :responsibleLeader");
            params.put("responsibleLeader", filter.responsibleLeader());
        }
        if (filter.mine() != null) {
            clauses.add("(t.responsible_person_id = :mine OR t.responsible_leader_id = :mine)");
            params.put("mine", filter.mine());
        }
        if (filter.area() != null && !filter.area().isBlank()) {
            clauses.add("t.policy_areas @> ARRAY[CAST(:area AS text)]");
            params.put("area", filter.area().strip());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            clauses.add("t.tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", filter.tag().strip());
        }
        if (filter.origin() != null) {
            clauses.add("t.origin = :origin");
            params.put("origin", filter.origin().name());
        }
        if (filter.year() != null) {
            clauses.add("t.plan_year = :year");
            params.put("year", filter.year());
        }
        if (filter.rigid() != null) {
            clauses.add("t.rigid = :rigid");
            params.put("rigid", filter.rigid());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // the expression of the trigram index task_text_trgm, so the index serves it
            clauses.add("(t.code || ' ' || t.title || ' ' || coalesce(t.description, '')) ILIKE :text ESCAPE '\\'");
            params.put("text", "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.timeliness() != null) {
            params.put("today", today);
            switch (filter.timeliness()) {
                case OVERDUE -> clauses.add("t.status IN " + OPEN + " AND t.deadline < :today");
                case DUE_SOON -> {
                    clauses.add("t.status IN " + OPEN + " AND t.deadline >= :today AND t.deadline <= :soon");
                    params.put("soon", today.plusDays(dueSoonDays));
                }
                case ON_TRACK -> {
                    clauses.add("(t.status NOT IN " + OPEN + " OR t.deadline > :soon)");
                    params.remove("today");
                    params.put("soon", today.plusDays(dueSoonDays));
                }
            }
        }
        where = String.join(" AND ", clauses);
        besidesUnit = unit == null ? where : String.join(" AND ", clauses.stream()
                .filter(clause -> !clause.equals(involvement(unit))).toList());
    }

    private void involves(List<String> clauses, String name, java.util.UUID value) {
        if (value != null) {
            clauses.add(involvement(name));
            params.put(name, value);
            if (!"scope".equals(unit)) {
                unit = name;
            }
        }
    }

    private static String involvement(String name) {
        return "(t.lead_unit_id = :" + name + " OR t.co_lead_unit_ids @> ARRAY[CAST(:" + name + " AS uuid)]"
                + " OR t.participating_unit_ids @> ARRAY[CAST(:" + name + " AS uuid)])";
    }

    /**
     * The SQL of the ids of a page in {@code sort}'s order. One unit's tasks in deadline order come from
     * {@code task_involved_unit} (V16), whose key is that order: the rows a deep page skips are its index entries
     * alone, and only the rows other clauses need are read from {@code task}.
     */
    String pageIds(String sort, int size, long offset) {
        String page = " LIMIT " + size + " OFFSET " + offset;
        if (unit == null || !(sort == null || "deadline".equals(sort))) {
            return "SELECT t.id FROM task t WHERE " + where + " ORDER BY " + orderBy(sort) + page;
        }
        String involved = "task_involved_unit i WHERE i.unit_id = :" + unit;
        return ("TRUE".equals(besidesUnit) ? "SELECT i.task_id FROM " + involved
                : "SELECT i.task_id FROM task t JOIN " + involved.replace(" WHERE ", " ON i.task_id = t.id AND ")
                        + " WHERE " + besidesUnit) + " ORDER BY i.deadline, i.code" + page;
    }

    /** The SQL of the number of tasks the filter finds; one unit's alone are counted in its index. */
    String count() {
        return unit != null && "TRUE".equals(besidesUnit)
                ? "SELECT count(*) FROM task_involved_unit i WHERE i.unit_id = :" + unit
                : "SELECT count(*) FROM task t WHERE " + where;
    }

    static String orderBy(String sort) {
        String order = SORTS.get(sort == null ? "deadline" : sort);
        if (order == null) {
            throw ProblemException.invalid("sort", "must be one of " + String.join(", ", SORTS.keySet().stream().sorted().toList()));
        }
        return order;
    }

    /** The derived timeliness of {@code t} in SQL, the same rule as {@link Timeliness#of}. */
    String timelinessCase(LocalDate today, int dueSoonDays) {
        params.put("tToday", today);
        params.put("tSoon", today.plusDays(dueSoonDays));
        return "CASE WHEN t.status NOT IN " + OPEN + " THEN 'ON_TRACK' WHEN t.deadline < :tToday THEN 'OVERDUE' "
                + "WHEN t.deadline <= :tSoon THEN 'DUE_SOON' ELSE 'ON_TRACK' END";
    }

    Query create(EntityManager entityManager, String sql) {
        return bind(entityManager.createNativeQuery(sql), sql);
    }

    /** A query whose rows are {@code entity}s (its SQL selects {@code t.*}). */
    Query create(EntityManager entityManager, String sql, Class<?> entity) {
        return bind(entityManager.createNativeQuery(sql, entity), sql);
    }

    private Query bind(Query query, String sql) {
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
