package org.reformdesk.pilot.ledger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes the pilot ledger (试点台账) as an .xlsx sheet with the Chinese headers offices use. */
final class LedgerExport {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> HEADERS = List.of("试点名称", "试点层级", "批准单位", "政策领域", "牵头单位",
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
    static void write(List<Pilot> pilots, Map<UUID, String> unitNames, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Reform Desk", "1.0");
            Worksheet sheet = workbook.newWorksheet("试点台账");
            for (int col = 0; col < HEADERS.size(); col++) {
                sheet.value(0, col, HEADERS.get(col));
                sheet.style(0, col).bold().set();
            }
            int row = 1;
            for (Pilot pilot : pilots) {
                String[] cells = {pilot.name, LEVELS.get(pilot.level), pilot.grantedBy, pilot.policyArea,
                        unitNames.getOrDefault(pilot.leadUnitId, pilot.leadUnitId.toString()), pilot.leadLeaderName,
                        pilot.planReference, text(pilot.planApprovedOn), String.join("、", pilot.workingTeam),
                        text(pilot.startsOn), text(pilot.plannedEndOn),
                        pilot.letterSignedBy == null ? "" : pilot.letterSignedBy + "（" + pilot.letterSignedOn + "）",
                        STATUSES.get(pilot.status), pilot.exitReason};
                for (int col = 0; col < cells.length; col++) {
                    if (cells[col] != null) {
                        sheet.value(row, col, cells[col]);
                    }
                }
                row++;
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
