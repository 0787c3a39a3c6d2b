package org.reformdesk.task.spreadsheet;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.reformdesk.platform.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first sheet of an uploaded task list as text cells under known columns. The header is the first row that
 * names a title, lead unit and deadline column, so a sheet may open with a caption row as offices' often do;
 * columns with unknown headers (序号, 备注 …) are ignored.
 */
final class TaskSheet {

    /** One data row: its number as Excel shows it and the text of each known column (dates as yyyy-MM-dd). */
    record SheetRow(int number, Map<SheetColumn, String> cells) {

        String get(SheetColumn column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** How many rows above the header a sheet may have (titles, notes). */
    private static final int HEADER_SEARCH_ROWS = 10;

    private TaskSheet() {
    }

    static List<SheetRow> read(byte[] workbook) {
        if (workbook.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(workbook)) {
            throw ProblemException.invalid("body", "is not an .xlsx workbook");
        }
        List<Row> rows;
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            rows = book.getFirstSheet().read();
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("body", "cannot be read as an .xlsx workbook");
        }
        int headerIndex = -1;
        Map<Integer, SheetColumn> columns = Map.of();
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS) && headerIndex < 0; i++) {
            Map<Integer, SheetColumn> found = new java.util.HashMap<>();
            for (Cell cell : rows.get(i)) {
                if (cell != null && cell.getType() == CellType.STRING) {
                    SheetColumn.byHeader(cell.asString()).ifPresent(c -> found.putIfAbsent(cell.getColumnIndex(), c));
                }
            }
            if (found.values().containsAll(SheetColumn.REQUIRED)) {
                headerIndex = i;
                columns = found;
            }
        }
        if (headerIndex < 0) {
            throw ProblemException.invalid("body", "has no header row naming the columns "
                    + SheetColumn.REQUIRED.stream().map(SheetColumn::header).collect(Collectors.joining("、")));
        }
        List<SheetRow> data = new ArrayList<>();
        for (Row row : rows.subList(headerIndex + 1, rows.size())) {
            Map<SheetColumn, String> cells = new EnumMap<>(SheetColumn.class);
            columns.forEach((index, column) -> {
                String text = text(row, index, column == SheetColumn.DEADLINE || column == SheetColumn.CLOSED_ON);
                if (text != null && !text.isBlank()) {
                    cells.put(column, text);
                }
            });
            if (!cells.isEmpty()) {
                data.add(new SheetRow(row.getRowNum(), cells));
            }
        }
        return data;
    }

    /**
     * A cell's text; a date cell as yyyy-MM-dd (a number in a date column, or with a date format: writers do not
     * all record the format where readers look for it), a whole number without ".0".
     */
    private static String text(Row row, int index, boolean dateColumn) {
        if (!row.hasCell(index) || row.getCell(index) == null) {
            return null;
        }
        Cell cell = row.getCell(index);
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (dateColumn || format != null && format.toLowerCase().matches(".*[yd].*")) {
                LocalDate date = cell.asDate().toLocalDate();
                return date.toString();
            }
            java.math.BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        return cell.getText();
    }
}
