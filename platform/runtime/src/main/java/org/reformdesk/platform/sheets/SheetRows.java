package org.reformdesk.platform.sheets;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.reformdesk.platform.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first sheet of an .xlsx list an office uploads, read the same way by every service that takes one: text cells
 * under known columns. The header is the first of the top rows that names every required column, so a sheet may open
 * with a caption row as offices' often do; columns under other headers (序号, 备注 …) are ignored.
 */
public final class SheetRows {

    /** One data row: its number as Excel shows it and the text of each known column (dates as yyyy-MM-dd). */
    public record Row<C>(int number, Map<C, String> cells) {

        /** The cell's text, stripped; null for an empty cell. */
        public String get(C column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * How a service names its columns: which column a header cell names, the columns a sheet cannot do without,
     * the columns holding dates, and each column's header for messages.
     */
    public record Columns<C>(Function<String, Optional<C>> byHeader, List<C> required, Collection<C> dates,
            Function<C, String> header) {
    }

    /** How many rows above the header a sheet may have (titles, notes). */
    static final int HEADER_SEARCH_ROWS = 10;

    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private SheetRows() {
    }

    /** The data rows, or a 400 when the body is no .xlsx workbook or its first sheet has no header row. */
    public static <C> List<Row<C>> read(byte[] workbook, Columns<C> columns) {
        if (workbook == null || workbook.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(workbook)) {
            throw ProblemException.invalid("body", "is not an .xlsx workbook");
        }
        List<org.dhatim.fastexcel.reader.Row> rows;
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            rows = book.getFirstSheet().read();
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("body", "cannot be read as an .xlsx workbook");
        }
        int headerIndex = -1;
        Map<Integer, C> found = Map.of();
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS) && headerIndex < 0; i++) {
            Map<Integer, C> named = new HashMap<>();
            for (Cell cell : rows.get(i)) {
                if (cell != null && cell.getType() == CellType.STRING) {
                    columns.byHeader().apply(cell.asString()).ifPresent(c -> named.putIfAbsent(cell.getColumnIndex(), c));
                }
            }
            if (named.values().containsAll(columns.required())) {
                headerIndex = i;
                found = named;
            }
        }
        if (headerIndex < 0) {
            throw ProblemException.invalid("body", "has no header row naming the columns "
                    + columns.required().stream().map(columns.header()).collect(Collectors.joining("、")));
        }
        List<Row<C>> data = new ArrayList<>();
        for (org.dhatim.fastexcel.reader.Row row : rows.subList(headerIndex + 1, rows.size())) {
            Map<C, String> cells = new HashMap<>();
            found.forEach((index, column) -> {
                String text = text(row, index, columns.dates().contains(column));
                if (text != null && !text.isBlank()) {
                    cells.put(column, text);
                }
            });
            if (!cells.isEmpty()) {
                data.add(new Row<>(row.getRowNum(), cells));
            }
        }
        return data;
    }

    /** A header as compared with a column's names: without case, spaces, brackets, or a trailing colon or asterisk. */
    public static String normalized(String header) {
        return header.replaceAll("[\\s*:：（）()]", "").toLowerCase(Locale.ROOT);
    }

    /** A day as offices type it: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日; empty when it is none. */
    public static Optional<LocalDate> day(String text) {
        Matcher day = DAY.matcher(text.strip());
        if (!day.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                    Integer.parseInt(day.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A cell's text; a date cell as yyyy-MM-dd (a number in a date column, or with a date format: writers do not
     * all record the format where readers look for it), a whole number without ".0".
     */
    private static String text(org.dhatim.fastexcel.reader.Row row, int index, boolean dateColumn) {
        if (!row.hasCell(index) || row.getCell(index) == null) {
            return null;
        }
        Cell cell = row.getCell(index);
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (dateColumn || format != null && format.toLowerCase(Locale.ROOT).matches(".*[yd].*")) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        return cell.getText();
    }
}
