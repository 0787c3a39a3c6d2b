package org.reformdesk.task.spreadsheet;

import org.reformdesk.platform.sheets.SheetRows;
import org.reformdesk.task.ledger.TaskOrigin;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the words offices type into cells become values: dates, origins, yes/no, lists. */
final class CellText {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(底|末)?");
    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})\\s*年?\\s*(底|末|年底|年末)?");
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\n]+");

    static final Map<TaskOrigin, String> ORIGINS = Map.of(TaskOrigin.CENTRAL, "中央部署", TaskOrigin.PROVINCIAL, "省委部署",
            TaskOrigin.MUNICIPAL, "市委部署", TaskOrigin.SELF_INITIATED, "自选");

    /** The statuses in the words the ledger sheet writes them. */
    static final Map<TaskStatus, String> STATUSES = Map.of(TaskStatus.DRAFT, "草稿", TaskStatus.ASSIGNED, "已下达",
            TaskStatus.IN_PROGRESS, "推进中", TaskStatus.CLOSE_REQUESTED, "申请销号", TaskStatus.CLOSED, "已销号",
            TaskStatus.SUSPENDED, "待上级部署统一启动", TaskStatus.CANCELLED, "已调整取消");

    private CellText() {
    }

    /**
     * A deadline as offices write it: 2026-06-30, 2026/6/30, 2026年6月30日; a month (2026年6月, 2026年6月底) means
     * its last day and a year (2026年, 2026年底) the year's last day.
     */
    static Optional<LocalDate> date(String text) {
        String value = text.strip();
        try {
            Optional<LocalDate> day = SheetRows.day(value);
            if (day.isPresent()) {
                return day;
            }
            Matcher month = MONTH.matcher(value);
            if (month.matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))
                        .atEndOfMonth());
            }
            Matcher year = YEAR_END.matcher(value);
            if (year.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(year.group(1)), 12, 31));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<TaskOrigin> origin(String text) {
        String value = text.strip();
        for (Map.Entry<TaskOrigin, String> origin : ORIGINS.entrySet()) {
            if (origin.getValue().equals(value) || origin.getValue().startsWith(value) && value.length() >= 2
                    || origin.getKey().name().equalsIgnoreCase(value)) {
                return Optional.of(origin.getKey());
            }
        }
        return Optional.empty();
    }

    /** A status as the sheet writes it (已销号) or by its name (CLOSED). */
    static Optional<TaskStatus> status(String text) {
        String value = text.strip();
        return STATUSES.entrySet().stream().filter(s -> s.getValue().equals(value)
                || s.getKey().name().equalsIgnoreCase(value)).map(Map.Entry::getKey).findFirst();
    }

    /** A report's month: 2027-03, 2027年3月, or a day in it. */
    static Optional<YearMonth> month(String text) {
        String value = text.strip();
        boolean namesMonth = SheetRows.day(value).isPresent() || MONTH.matcher(value).matches();
        return namesMonth ? date(value).map(YearMonth::from) : Optional.empty();
    }

    /** 是/刚性/true for a rigid task, 否/自选/false for a self-selected one. */
    static Optional<Boolean> rigid(String text) {
        return switch (text.strip().toLowerCase()) {
            case "是", "刚性", "刚性任务", "true", "yes", "y", "1" -> Optional.of(true);
            case "否", "自选", "自选任务", "false", "no", "n", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Items of a cell listing several, separated by 、 , ; or new lines. */
    static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(SEPARATORS.split(text)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
