package org.reformdesk.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small city modelled on the seeds (Kunming's ledger, its three assessment categories): units, a plan of
 * tasks some of which are already late, and a few pilots, loaded over REST like a reform office would.
 */
public final class DemoData {

    /** What was loaded, for the summary printed at start. */
    public record Loaded(int units, int tasks, int pilots, List<UUID> overdueTasks, UUID someResponsiblePerson) {
    }

    private record DemoUnit(String code, String name, String category, String kind) {
    }

    private static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("KM-FGW", "市发展改革委", "A", "DEPARTMENT"),
            new DemoUnit("KM-CZJ", "市财政局", "A", "DEPARTMENT"),
            new DemoUnit("KM-JYJ", "市教育局", "A", "DEPARTMENT"),
            new DemoUnit("KM-SFJ", "市司法局", "A", "DEPARTMENT"),
            new DemoUnit("KM-TJJ", "市统计局", "B", "DEPARTMENT"),
            new DemoUnit("KM-DAG", "市档案馆", "B", "DEPARTMENT"),
            new DemoUnit("KM-WH", "五华区", "C", "DISTRICT"),
            new DemoUnit("KM-PL", "盘龙区", "C", "DISTRICT"),
            new DemoUnit("KM-GD", "官渡区", "C", "DISTRICT"),
            new DemoUnit("KM-DZXQ", "滇中新区", "C", "DEVELOPMENT_ZONE"));

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
        List<UUID> units = new ArrayList<>();
        for (DemoUnit unit : UNITS) {
            JsonNode created = tasks.post("/api/v1/units", Map.of("code", unit.code(), "name", unit.name(),
                    "category", unit.category(), "kind", unit.kind()), "demo-unit-" + unit.code());
            units.add(UUID.fromString(created.path("id").asText()));
        }
        List<UUID> overdue = new ArrayList<>();
        UUID someone = null;
        for (int i = 0; i < TITLES.size(); i++) {
            // stride 3 over the ten units, so late tasks fall on all three categories unevenly
            UUID lead = units.get(i * 3 % units.size());
            UUID person = UUID.nameUUIDFromBytes(("demo-person-" + (i % 7)).getBytes());
            LocalDate deadline = today.plusDays(DEADLINE_OFFSETS[i]);
            String code = "KM-%d-%04d".formatted(today.getYear(), i + 1);
            JsonNode created = tasks.post("/api/v1/tasks", Map.of("code", code, "title", TITLES.get(i),
                    "leadUnitId", lead.toString(), "responsiblePersonId", person.toString(),
                    "deadline", deadline.toString()), "demo-task-" + code);
            if (deadline.isBefore(today)) {
                overdue.add(UUID.fromString(created.path("id").asText()));
                someone = person;
            }
        }
        for (int i = 0; i < PILOTS.size(); i++) {
            DemoPilot demo = PILOTS.get(i);
            Map<String, Object> pilot = new HashMap<>(Map.of("name", demo.name(), "level", demo.level(),
                    "grantedBy", demo.grantedBy(), "policyArea", demo.area(),
                    "leadUnitId", units.get(i * 2).toString(), "leadLeaderName", demo.leader(),
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
        return new Loaded(units.size(), TITLES.size(), PILOTS.size(), overdue, someone);
    }
}
