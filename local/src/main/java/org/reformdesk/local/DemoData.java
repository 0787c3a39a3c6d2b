package org.reformdesk.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A small city modelled on the seeds (Kunming's ledger, its three assessment categories): the city reform office
 * (市委改革办) and units with their heads (一把手) and liaisons (联络员), two special groups (专项小组) led by city
 * leaders, a plan of tasks across the policy areas some of which are already late, and a few pilots, loaded over REST
 * like a reform office would. Every demo login is a person of the directory (its {@code username}), so each has an
 * inbox and "my tasks".
 */
public final class DemoData {

    /** What was loaded, for the summary printed at start. */
    public record Loaded(int units, int tasks, int pilots, List<UUID> overdueTasks, UUID someResponsiblePerson) {
    }

    /** A unit with its head and liaison, and the demo login of the liaison (null: none logs in). */
    private record DemoUnit(String code, String name, String category, String kind, String head, String liaison,
            String liaisonLogin) {
    }

    /**
     * The city's reform office: not ranked (its category is not used), its liaison the {@code office} login, and the
     * supervision and assessment staff it seats the {@code inspector} and {@code assessor} logins.
     */
    private static final DemoUnit OFFICE = new DemoUnit("KM-GGB", "市委改革办", "B", "REFORM_OFFICE", "刘建国",
            "改革办综合处", "office");

    private static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("KM-FGW", "市发展改革委", "A", "DEPARTMENT", "杨建华", "周敏", "fgw"),
            new DemoUnit("KM-CZJ", "市财政局", "A", "DEPARTMENT", "李国强", "孙丽", "czj"),
            new DemoUnit("KM-JYJ", "市教育局", "A", "DEPARTMENT", "张文", "刘洋", null),
            new DemoUnit("KM-SFJ", "市司法局", "A", "DEPARTMENT", "赵志刚", "陈静", null),
            new DemoUnit("KM-TJJ", "市统计局", "B", "DEPARTMENT", "黄海", "吴婷", null),
            new DemoUnit("KM-DAG", "市档案馆", "B", "DEPARTMENT", "郑红", "王磊", null),
            new DemoUnit("KM-WH", "五华区", "C", "DISTRICT", "马俊", "何芳", "wuhua"),
            new DemoUnit("KM-PL", "盘龙区", "C", "DISTRICT", "罗斌", "高雪", "panlong"),
            new DemoUnit("KM-GD", "官渡区", "C", "DISTRICT", "林涛", "谢娜", null),
            new DemoUnit("KM-DZXQ", "滇中新区", "C", "DEVELOPMENT_ZONE", "许明", "唐悦", null));

    /**
     * A special group: its leader (组长, a city leader seated in the liaison unit) and the leader's demo login, the
     * group's liaison (专项小组联络员, a second liaison of the liaison unit) and theirs, liaison unit and members.
     */
    private record DemoGroup(String name, String leader, String leaderLogin, String liaison, String liaisonLogin,
            String liaisonUnit, List<String> members) {
    }

    private static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup("经济体制和生态文明体制改革专项小组", "钱伟", "leader", "韩雪", "liaison", "KM-FGW",
                    List.of("KM-FGW", "KM-CZJ", "KM-TJJ", "KM-GD", "KM-DZXQ")),
            new DemoGroup("社会体制改革专项小组", "冯丽华", null, "邓洁", null, "KM-JYJ",
                    List.of("KM-JYJ", "KM-SFJ", "KM-DAG", "KM-WH", "KM-PL")));

    /** The policy areas (政策领域) of the plan, as task-service knows them. */
    private static final List<String> AREAS = List.of("经济", "社会民生", "城市规划建设管理", "民主法治", "生态文明");

    private static final List<String> TITLES = List.of(
            "深化行政审批制度改革", "推进户籍制度改革", "健全生态保护补偿机制", "实施湿地保护修复制度",
            "改革地质灾害防治体制机制", "深化新闻单位人事管理制度改革", "推进农村土地承包经营权确权登记",
            "完善统计数据质量管理", "推进公立医院综合改革", "深化国有企业改革", "推进“放管服”改革",
            "健全改革督察考核机制", "推进政务服务“一张网”建设", "完善社会信用体系建设", "深化教育领域综合改革",
            "推进司法体制改革试点", "健全档案信息化管理制度", "推进财政预算绩效管理改革", "深化商事制度改革",
            "推进城市管理执法体制改革");

    /** A pilot of the demo; one running for some months owes summaries (some of them late by now). */
    private record DemoPilot(String name, String level, String grantedBy, String area, String leader,
            int runningSinceMonths) {
    }

    private static final List<DemoPilot> PILOTS = List.of(
            new DemoPilot("农村集体产权制度改革试点", "NATIONAL", "农业农村部", "经济", "李明", 3),
            new DemoPilot("城乡融合发展试验区", "PROVINCIAL", "省委改革办", "城市规划建设管理", "王强", 2),
            new DemoPilot("社区发展治理微改革", "MICRO_REFORM", "市委改革办", "社会民生", "赵丽", 0),
            new DemoPilot("营商环境创新试点", "MUNICIPAL", "市委改革办", "经济", "陈刚", 1));

    /** Days from today to each task's deadline: some already passed, some due soon, most later in the year. */
    private static final int[] DEADLINE_OFFSETS = {-20, -9, -3, -1, 2, 5, 6, 12, 30, 45, 60, 90, 120, 150, 180, 200,
            240, 270, 300, 330};

    private DemoData() {
    }

    /** Loads the demo city unless the ledger already has units (a second start keeps what is there). */
    public static Loaded loadIfEmpty(ApiClient tasks, ApiClient pilots, LocalDate today) {
        if (tasks.get("/api/v1/units?size=1").path("total").asLong() > 0) {
            return null;
        }
        Map<String, UUID> units = new HashMap<>();
        Map<String, UUID> heads = new HashMap<>();
        for (DemoUnit unit : Stream.concat(Stream.of(OFFICE), UNITS.stream()).toList()) {
            JsonNode created = tasks.post("/api/v1/units", Map.of("code", unit.code(), "name", unit.name(),
                    "category", unit.category(), "kind", unit.kind()), "demo-unit-" + unit.code());
            UUID id = UUID.fromString(created.path("id").asText());
            units.put(unit.code(), id);
            heads.put(unit.code(), person(tasks, id, unit.head(), "HEAD", unit.code(), null));
            person(tasks, id, unit.liaison(), "LIAISON", unit.code(), unit.liaisonLogin());
        }
        person(tasks, units.get(OFFICE.code()), "王平", "INFORMATION_OFFICER", OFFICE.code(), "inspector");
        person(tasks, units.get(OFFICE.code()), "陈晨", "DEPUTY", OFFICE.code(), "assessor");
        Map<String, UUID> groupOf = new HashMap<>();
        Map<UUID, UUID> leaderOf = new HashMap<>();
        for (DemoGroup group : GROUPS) {
            UUID leader = person(tasks, units.get(group.liaisonUnit()), group.leader(), "LEADER", group.liaisonUnit(),
                    group.leaderLogin());
            person(tasks, units.get(group.liaisonUnit()), group.liaison(), "LIAISON", group.liaisonUnit() + "-GROUP",
                    group.liaisonLogin());
            UUID id = UUID.fromString(tasks.post("/api/v1/groups", Map.of("name", group.name(),
                    "headPersonId", leader.toString(), "liaisonUnitId", units.get(group.liaisonUnit()).toString(),
                    "memberUnitIds", group.members().stream().map(code -> units.get(code).toString()).toList()),
                    "demo-group-" + group.liaisonUnit()).path("id").asText());
            group.members().forEach(code -> groupOf.put(code, id));
            leaderOf.put(id, leader);
        }
        List<UUID> overdue = new ArrayList<>();
        UUID someone = null;
        for (int i = 0; i < TITLES.size(); i++) {
            // stride 3 over the ten units, so late tasks fall on all three categories unevenly
            DemoUnit lead = UNITS.get(i * 3 % UNITS.size());
            LocalDate deadline = today.plusDays(DEADLINE_OFFSETS[i]);
            String code = "KM-%d-%04d".formatted(today.getYear(), i + 1);
            Map<String, Object> task = new HashMap<>(Map.of("code", code, "title", TITLES.get(i),
                    "leadUnitId", units.get(lead.code()).toString(),
                    "responsiblePersonId", heads.get(lead.code()).toString(), "deadline", deadline.toString(),
                    "policyAreas", List.of(AREAS.get(i % AREAS.size())), "planYear", today.getYear(),
                    "rigid", i % 3 != 2, "expectedOutcome", i % 2 == 0 ? "制度文件" : "工作方案"));
            UUID group = groupOf.get(lead.code());
            if (group != null) {
                task.put("groupId", group.toString());
                task.put("responsibleLeaderId", leaderOf.get(group).toString());
            }
            JsonNode created = tasks.post("/api/v1/tasks", task, "demo-task-" + code);
            if (deadline.isBefore(today)) {
                overdue.add(UUID.fromString(created.path("id").asText()));
                someone = heads.get(lead.code());
            }
        }
        List<UUID> unitsInOrder = UNITS.stream().map(unit -> units.get(unit.code())).toList();
        for (int i = 0; i < PILOTS.size(); i++) {
            DemoPilot demo = PILOTS.get(i);
            Map<String, Object> pilot = new HashMap<>(Map.of("name", demo.name(), "level", demo.level(),
                    "grantedBy", demo.grantedBy(), "policyArea", demo.area(),
                    "leadUnitId", unitsInOrder.get(i * 2).toString(), "leadLeaderName", demo.leader(),
                    "workingTeam", List.of("牵头单位分管领导", "改革办联络员", "信息员")));
            if (demo.runningSinceMonths() > 0) {
                pilot.put("startsOn", today.minusMonths(demo.runningSinceMonths()).withDayOfMonth(1).toString());
                pilot.put("plannedEndOn", today.plusMonths(12).toString());
            }
            String id = pilots.post("/api/v1/pilots", pilot, "demo-pilot-" + i).path("id").asText();
            if (demo.runningSinceMonths() > 0) {
                pilots.post("/api/v1/pilots/" + id + "/status", Map.of("status", "APPROVED"), null);
                pilots.post("/api/v1/pilots/" + id + "/status", Map.of("status", "IN_PROGRESS"), null);
            }
        }
        return new Loaded(UNITS.size() + 1, TITLES.size(), PILOTS.size(), overdue, someone);
    }

    /**
     * Registers a person of a unit's staff, with the demo login that is theirs ({@code login}, null for none); their
     * phone and mailbox are made up but well-formed.
     */
    private static UUID person(ApiClient tasks, UUID unit, String name, String post, String key, String login) {
        int serial = Math.abs((key + post).hashCode()) % 10_000;
        Map<String, Object> person = new HashMap<>(Map.of("name", name, "unitId", unit.toString(), "post", post,
                "phone", "1380871%04d".formatted(serial),
                "email", "%s.%s@km.gov.example".formatted(key.toLowerCase(), post.toLowerCase()), "language", "zh-CN"));
        if (login != null) {
            person.put("username", login);
        }
        return UUID.fromString(tasks.post("/api/v1/people", person, "demo-person-" + key + "-" + post)
                .path("id").asText());
    }

    /**
     * Points each demo unit officer's token at their unit and the demo group liaison's at their special group. Each
     * demo login is already a person of the directory (the person's username), whose inbox it reads.
     */
    public static void scopeDemoUsers(Keycloak keycloak, ApiClient tasks) {
        Map<String, UUID> units = new HashMap<>();
        tasks.get("/api/v1/units?size=" + 200).path("items").forEach(unit ->
                units.put(unit.path("code").asText(), UUID.fromString(unit.path("id").asText())));
        Keycloak.DEMO_UNIT_USERS.forEach((user, code) -> {
            UUID unit = units.get(code);
            if (unit != null) {
                keycloak.assign(user, unit, null);
            }
        });
        Map<UUID, UUID> groupByLiaisonUnit = new HashMap<>();
        tasks.get("/api/v1/groups?size=" + 200).path("items").forEach(group -> groupByLiaisonUnit.put(
                UUID.fromString(group.path("liaisonUnitId").asText()), UUID.fromString(group.path("id").asText())));
        Keycloak.DEMO_GROUP_USERS.forEach((user, code) -> {
            UUID group = groupByLiaisonUnit.get(units.get(code));
            if (group != null) {
                keycloak.assign(user, null, group);
            }
        });
    }
}
