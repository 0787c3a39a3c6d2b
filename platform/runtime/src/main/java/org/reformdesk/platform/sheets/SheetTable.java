package org.reformdesk.platform.sheets;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.reformdesk.platform.download.Attachment;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A list as the .xlsx sheet offices open in Excel or WPS, written the same way by every service: bold Chinese
 * headers, each column as wide as its widest text, the header row frozen and the filter on, numbers as numbers.
 */
public final class SheetTable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Wider than this and one long narrative pushes every other column off a laptop screen; Excel wraps on demand. */
    static final double MAX_WIDTH = 60;

    /** Room for the filter's drop-down button beside a header. */
    private static final int FILTER_BUTTON = 3;

    private SheetTable() {
    }

    /** A download of the sheet named {@code sheetName}; the rows' cells are text, numbers or null (an empty cell). */
    public static Response download(String filename, String sheetName, List<String> headers, List<Object[]> rows) {
        StreamingOutput body = out -> write(out, sheetName, headers, rows);
        return Response.ok(body, MEDIA_TYPE).header("Content-Disposition", Attachment.disposition(filename))
                .build();
    }

    /** One sheet of a workbook: its tab's name, its headers, and rows of text, numbers or null (an empty cell). */
    public record Sheet(String name, List<String> headers, List<Object[]> rows) {
    }

    public static void write(OutputStream out, String sheetName, List<String> headers, List<Object[]> rows) {
        write(out, List.of(new Sheet(sheetName, headers, rows)));
    }

    /** A workbook of several sheets, each written the same way. */
    public static void write(OutputStream out, List<Sheet> sheets) {
        try {
            Workbook workbook = new Workbook(out, "Reform Desk", "1.0");
            for (Sheet sheet : sheets) {
                write(workbook.newWorksheet(sheet.name()), sheet.headers(), sheet.rows());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Worksheet sheet, List<String> headers, List<Object[]> rows) {
        double[] widths = new double[headers.size()];
        for (int col = 0; col < headers.size(); col++) {
            sheet.value(0, col, headers.get(col));
            sheet.style(0, col).bold().set();
            widths[col] = width(headers.get(col)) + FILTER_BUTTON;
        }
        int row = 1;
        for (Object[] cells : rows) {
            for (int col = 0; col < Math.min(cells.length, headers.size()); col++) {
                Object cell = cells[col];
                if (cell instanceof Number number) {
                    sheet.value(row, col, number);
                } else if (cell != null && !cell.toString().isEmpty()) {
                    sheet.value(row, col, cell.toString());
                }
                widths[col] = Math.max(widths[col], cell == null ? 0 : width(cell.toString()));
            }
            row++;
        }
        for (int col = 0; col < widths.length; col++) {
            sheet.width(col, Math.min(MAX_WIDTH, widths[col] + 1));
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, Math.max(0, row - 1), headers.size() - 1);
    }

    /** The text's longest line in Excel's character widths: a Chinese character takes two. */
    static double width(String text) {
        double widest = 0;
        for (String line : text.split("\n")) {
            widest = Math.max(widest, line.codePoints().map(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF ? 2 : 1)
                    .sum());
        }
        return widest;
    }
}
