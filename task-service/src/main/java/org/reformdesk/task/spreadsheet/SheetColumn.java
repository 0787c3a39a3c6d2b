package org.reformdesk.task.spreadsheet;

import org.reformdesk.platform.sheets.SheetRows;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a task list (分工方案/任务分解表) as offices head them. Import accepts any of a column's names,
 * Chinese or English; export writes the first.
 */
enum SheetColumn {
    CODE("任务编号", "编号", "code"),
    TITLE("改革任务", "任务名称", "改革事项", "任务", "title"),
    DESCRIPTION("具体内容", "任务描述", "工作内容", "description"),
    AREAS("政策领域", "改革领域", "领域", "policyAreas"),
    ORIGIN("任务来源", "来源", "origin"),
    RIGID("刚性任务", "是否刚性任务", "任务类型", "rigid"),
    PLAN_YEAR("计划年度", "年度", "planYear"),
    GROUP("专项小组", "协调单位", "group"),
    LEAD_UNIT("牵头单位", "牵头部门", "leadUnit"),
    CO_LEADS("共同牵头单位", "coLeadUnits"),
    PARTICIPANTS("责任单位", "配合单位", "参与单位", "联动单位", "participatingUnits"),
    LEADER("责任领导", "responsibleLeader"),
    PERSON("责任人", "responsiblePerson"),
    DEADLINE("完成时限", "完成时间", "deadline"),
    MILESTONES("时间节点", "milestones"),
    OUTCOME("成果形式", "expectedOutcome"),
    TAGS("标签", "tags"),
    STATUS("状态", "任务状态", "status"),
    CLOSED_ON("销号日期", "closedOn"),
    SUSPENDED_ON("暂停日期", "suspendedOn"),
    REMAINING_DAYS("剩余天数", "remainingDays"),
    TIMELINESS("红黄绿灯", "timeliness"),
    PERCENT("进展百分比", "完成进度", "percent"),
    PROGRESS("最新进展", "进展情况", "narrative"),
    PERIOD("报告期", "报告月份", "period");

    /** Columns an import cannot do without. */
    static final List<SheetColumn> REQUIRED = List.of(TITLE, LEAD_UNIT, DEADLINE);

    /** How an import finds the columns: the header row names a title, lead unit and deadline column. */
    private static final SheetRows.Columns<SheetColumn> COLUMNS = new SheetRows.Columns<>(SheetColumn::byHeader,
            REQUIRED, EnumSet.of(DEADLINE, CLOSED_ON, SUSPENDED_ON), SheetColumn::header);

    private final List<String> names;

    SheetColumn(String... names) {
        this.names = List.of(names);
    }

    String header() {
        return names.get(0);
    }

    /** The column a header cell names, ignoring case, spaces and a trailing colon or asterisk. */
    static Optional<SheetColumn> byHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String wanted = SheetRows.normalized(header);
        for (SheetColumn column : values()) {
            if (column.names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The task rows of an uploaded list, each cell under its column. */
    static List<SheetRows.Row<SheetColumn>> read(byte[] workbook) {
        return SheetRows.read(workbook, COLUMNS);
    }
}
