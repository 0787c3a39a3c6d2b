package org.reformdesk.inspection.calendar;

import org.reformdesk.platform.input.Storable;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.sheets.SheetRows;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A year's holiday schedule as the office's sheet: a row per day under 日期, 类型 (节假日 or 调休上班) and, if it
 * likes, 名称 (春节). Written with the weekday beside each date so a make-up day on a weekday stands out, read
 * through the same checks as the JSON schedule, so an office downloads the year, edits it and uploads it.
 */
final class CalendarSheet {

    /** The columns as offices head them; an upload accepts any of a column's names, a download writes the first. */
    enum Column {
        DAY("日期", "date", "day"),
        KIND("类型", "type", "kind"),
        NAME("名称", "节日", "name", "note");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        String header() {
            return names.get(0);
        }

        static Optional<Column> byHeader(String header) {
            String wanted = SheetRows.normalized(header);
            return Stream.of(values()).filter(c -> c.names.stream().anyMatch(n -> n.equalsIgnoreCase(wanted)))
                    .findFirst();
        }
    }

    static final String HOLIDAY = "节假日";
    static final String WORKING_DAY = "调休上班";

    /** The 星期 column is written for the reader's eye; an upload ignores it, the date says the weekday. */
    static final List<String> HEADERS = List.of(Column.DAY.header(), "星期", Column.KIND.header(), Column.NAME.header());

    /** The words offices use for each kind of day; false for a day off, true for a make-up working day. */
    private static final Map<String, Boolean> KINDS = Map.ofEntries(Map.entry(HOLIDAY, false),
            Map.entry("法定节假日", false), Map.entry("假日", false), Map.entry("放假", false), Map.entry("休", false),
            Map.entry("holiday", false), Map.entry(WORKING_DAY, true), Map.entry("上班", true), Map.entry("补班", true),
            Map.entry("班", true), Map.entry("working", true), Map.entry("workingday", true));

    private static final SheetRows.Columns<Column> COLUMNS = new SheetRows.Columns<>(Column::byHeader,
            List.of(Column.DAY, Column.KIND), Set.of(Column.DAY), Column::header);

    /** As long as a day's note set one at a time may be (PUT /working-calendar/{day}). */
    static final int MAX_NAME_LENGTH = 200;

    /** More rows than a year may list days: refused before each is checked and named. */
    static final int MAX_ROWS = YearSchedule.MAX_HOLIDAYS + YearSchedule.MAX_WORKING_DAYS;

    private CalendarSheet() {
    }

    /** The year's days as the sheet's rows, in date order. */
    static List<Object[]> rows(List<CalendarDay> days) {
        return days.stream().map(d -> new Object[] {d.day.toString(),
                d.day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA), d.working ? WORKING_DAY : HOLIDAY,
                d.note}).toList();
    }

    /**
     * The schedule an uploaded sheet gives for {@code year}, or a 400 naming every bad row and its column: a cell
     * that is no date or no kind, a name too long, and whatever {@link YearSchedule} refuses (a date outside the year,
     * a date listed twice, a make-up working day on a weekday).
     */
    static YearSchedule read(int year, byte[] workbook) {
        List<SheetRows.Row<Column>> rows = SheetRows.read(workbook, COLUMNS);
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "has " + rows.size() + " rows; a year's schedule lists at most "
                    + YearSchedule.MAX_HOLIDAYS + " holidays and " + YearSchedule.MAX_WORKING_DAYS
                    + " make-up working days");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<YearSchedule.Listed> listed = new ArrayList<>();
        for (SheetRows.Row<Column> row : rows) {
            String field = "rows[" + row.number() + "]";
            int before = errors.size();
            LocalDate day = null;
            String dayText = row.get(Column.DAY);
            if (dayText == null) {
                errors.add(new Problem.FieldError(field, Column.DAY.header() + " is empty"));
            } else {
                day = SheetRows.day(dayText).orElse(null);
                if (day == null) {
                    errors.add(new Problem.FieldError(field, Column.DAY.header() + " '" + dayText
                            + "' is not a date such as " + year + "-10-01"));
                }
            }
            String kindText = row.get(Column.KIND);
            Boolean working = kindText == null ? null : KINDS.get(kindText.replaceAll("\\s", "").toLowerCase(Locale.ROOT));
            if (working == null) {
                errors.add(new Problem.FieldError(field, Column.KIND.header() + (kindText == null ? " is empty; it is "
                        : " '" + kindText + "' is neither ") + HOLIDAY + (kindText == null ? " or " : " nor ")
                        + WORKING_DAY));
            }
            String name = row.get(Column.NAME);
            if (name != null && name.length() > MAX_NAME_LENGTH) {
                errors.add(new Problem.FieldError(field, Column.NAME.header() + " is longer than "
                        + MAX_NAME_LENGTH + " characters"));
            } else if (name != null && Storable.text(name).isPresent()) {
                errors.add(new Problem.FieldError(field, Column.NAME.header() + " " + Storable.text(name).get()));
            }
            if (errors.size() == before) {
                listed.add(new YearSchedule.Listed(field, Column.DAY.header(), day, working, name));
            }
        }
        try {
            YearSchedule schedule = YearSchedule.of(year, listed, "body", "body");
            if (errors.isEmpty()) {
                return schedule;
            }
        } catch (ProblemException refused) {
            errors.addAll(refused.errors());
        }
        long bad = errors.stream().map(Problem.FieldError::field).filter(f -> f.startsWith("rows")).distinct().count();
        throw new ProblemException(400, "Invalid rows", bad + " of " + rows.size() + " rows cannot be used; the "
                + "calendar is unchanged. " + errors.stream().limit(5).map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")), errors);
    }
}
