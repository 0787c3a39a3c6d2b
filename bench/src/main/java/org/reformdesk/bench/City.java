package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A seed-like directory, loaded over REST the way a reform office would: 81 lead units in the three assessment
 * categories (A: municipal departments, B: other municipal bodies, C: districts, counties and development zones),
 * each with its head (一把手, responsible for the unit's tasks) and liaison (联络员); then tasks led by them.
 */
final class City {

    /** A unit as the benchmark knows it: its id and its head, who answers for its tasks. */
    record Unit(UUID id, String code, String category, UUID head) {
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"建华", "国强", "文", "志刚", "海", "红", "俊", "斌", "涛", "明", "敏", "丽",
            "洋", "静", "婷", "磊", "芳", "雪", "娜", "悦", "伟", "丽华", "刚", "强", "军", "平", "霞", "勇", "杰", "燕"};
    private static final String[] AREAS = {"经济", "社会民生", "城市规划建设管理", "民主法治", "生态文明", "党的建设", "纪律检查"};
    private static final String[] TITLES = {"深化行政审批制度改革", "推进户籍制度改革", "健全生态保护补偿机制", "深化国有企业改革",
            "推进公立医院综合改革", "完善社会信用体系建设", "深化教育领域综合改革", "推进司法体制改革试点", "深化商事制度改革",
            "推进城市管理执法体制改革"};

    private City() {
    }

    /** 81 lead units as Kunming assesses them: 40 in category A, 20 in B, 21 in C; each with a head and a liaison. */
    static List<Unit> loadDirectory(Rest rest, String tasks) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            String category = i < 40 ? "A" : i < 60 ? "B" : "C";
            String kind = i < 60 ? "DEPARTMENT" : i < 75 ? "DISTRICT" : "DEVELOPMENT_ZONE";
            String name = switch (category) {
                case "A" -> "市直部门" + (i + 1);
                case "B" -> "市属单位" + (i - 39);
                default -> (kind.equals("DISTRICT") ? "县区" : "开发区") + (i - 59);
            };
            units.add(Map.of("code", "BM-%s%02d".formatted(category, i + 1), "name", name, "category", category,
                    "kind", kind));
        }
        List<JsonNode> created = rest.postAll(tasks + "/api/v1/units", units, unit -> unit, 8);
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            for (String post : List.of("HEAD", "LIAISON")) {
                int n = i * 2 + (post.equals("HEAD") ? 0 : 1);
                people.add(Map.of("name", SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length],
                        "unitId", created.get(i).path("id").asText(), "post", post,
                        "phone", "1380871%04d".formatted(n), "email", "bm%03d@km.gov.example".formatted(n),
                        "language", "zh-CN"));
            }
        }
        List<JsonNode> persons = rest.postAll(tasks + "/api/v1/people", people, person -> person, 8);
        List<Unit> loaded = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            JsonNode unit = created.get(i);
            loaded.add(new Unit(UUID.fromString(unit.path("id").asText()), unit.path("code").asText(),
                    unit.path("category").asText(), UUID.fromString(persons.get(i * 2).path("id").asText())));
        }
        return loaded;
    }

    /**
     * The same tasks as {@link #createTasks}, written straight into task-service's database in one statement (no
     * task-created events: the overdue chain needs only what the overdue event carries). Seeding 10,000 tasks
     * over REST takes minutes on a busy 2-core box; this takes a second.
     */
    static Map<UUID, UUID> insertTasks(Db task, List<Unit> units, String prefix, int count, LocalDate deadline) {
        Map<UUID, UUID> ids = task.pairs("""
                INSERT INTO task (id, code, title, lead_unit_id, responsible_person_id, deadline, status, created_at,
                                  created_by, updated_at, policy_areas, origin, rigid, plan_year, assigned_on)
                SELECT gen_random_uuid(), ? || '-' || lpad(CAST(g AS text), 5, '0'),
                       (CAST(? AS text[]))[1 + g % 10] || '（第' || g || '项）',
                       (CAST(? AS uuid[]))[1 + (g - 1) % ?], (CAST(? AS uuid[]))[1 + (g - 1) % ?], ?, 'ASSIGNED', now(),
                       'bench', now(), ARRAY[(CAST(? AS text[]))[1 + g % 7]], 'MUNICIPAL', g % 3 <> 2, ?, ?
                FROM generate_series(1, ?) g
                RETURNING id, lead_unit_id""", "%s-%d".formatted(prefix, deadline.getYear()), task.texts(TITLES),
                task.uuids(units.stream().map(Unit::id).toList()), units.size(),
                task.uuids(units.stream().map(Unit::head).toList()), units.size(), deadline, task.texts(AREAS),
                deadline.getYear(), deadline.minusMonths(1), count);
        if (ids.size() != count) {
            throw new IllegalStateException("inserted " + ids.size() + " tasks, expected " + count);
        }
        return ids;
    }

    /**
     * {@code count} open tasks due on {@code deadline}, led round-robin by the units with their heads responsible;
     * returns each task's id and lead unit, in order.
     */
    static Map<UUID, UUID> createTasks(Rest rest, String tasks, List<Unit> units, String prefix, int count,
            LocalDate deadline) {
        List<Integer> serials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            serials.add(i);
        }
        List<JsonNode> created = rest.postAll(tasks + "/api/v1/tasks", serials, i -> {
            Unit lead = units.get(i % units.size());
            Map<String, Object> task = new HashMap<>();
            task.put("code", "%s-%d-%05d".formatted(prefix, deadline.getYear(), i + 1));
            task.put("title", TITLES[i % TITLES.length] + "（第" + (i + 1) + "项）");
            task.put("leadUnitId", lead.id().toString());
            task.put("responsiblePersonId", lead.head().toString());
            task.put("deadline", deadline.toString());
            task.put("policyAreas", List.of(AREAS[i % AREAS.length]));
            task.put("rigid", i % 3 != 2);
            return task;
        }, 12);
        Map<UUID, UUID> ids = new java.util.LinkedHashMap<>();
        for (JsonNode task : created) {
            ids.put(UUID.fromString(task.path("id").asText()), UUID.fromString(task.path("leadUnitId").asText()));
        }
        return ids;
    }
}
