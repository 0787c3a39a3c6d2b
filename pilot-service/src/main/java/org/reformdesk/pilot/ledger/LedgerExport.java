package org.reformdesk.pilot.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The pilot ledger (试点台账) as the rows of the .xlsx sheet offices use, under its Chinese headers. */
final class LedgerExport {

    static final List<String> HEADERS = List.of("试点名称", "试点层级", "批准单位", "政策领域", "牵头单位",
            "包联领导", "推进方案", "方案批准日期", "工作班子", "开始日期", "计划完成日期", "包联责任书", "状态", "退出原因");

    private static final Map<PilotLevel, String> LEVELS = Map.of(
            PilotLevel.NATIONAL, "国家级", PilotLevel.PROVINCIAL, "省级", PilotLevel.MUNICIPAL, "市级",
            PilotLevel.SELF_SELECTED, "自选", PilotLevel.MICRO_REFORM, "微改革");

    private static final Map<PilotStatus, String> STATUSES = Map.of(
            PilotStatus.CANDIDATE, "争取中", PilotStatus.APPROVED, "已批准", PilotStatus.IN_PROGRESS, "推进中",
            PilotStatus.ACCEPTANCE, "总结验收", PilotStatus.COMPLETED, "已完成", PilotStatus.EXITED, "已退出");

    private LedgerExport() {
    }

    /** {@code unitNames} turns lead unit ids into names where known; an unknown unit shows its id. */
    static List<Object[]> rows(List<Pilot> pilots, Map<UUID, String> unitNames) {
        return pilots.stream().map(pilot -> new Object[] {pilot.name, LEVELS.get(pilot.level), pilot.grantedBy,
                pilot.policyArea, unitNames.getOrDefault(pilot.leadUnitId, pilot.leadUnitId.toString()),
                pilot.leadLeaderName, pilot.planReference, text(pilot.planApprovedOn),
                String.join("、", pilot.workingTeam), text(pilot.startsOn), text(pilot.plannedEndOn),
                pilot.letterSignedBy == null ? "" : pilot.letterSignedBy + "（" + pilot.letterSignedOn + "）",
                STATUSES.get(pilot.status), pilot.exitReason}).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
