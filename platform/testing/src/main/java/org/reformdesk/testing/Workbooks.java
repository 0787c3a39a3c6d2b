package org.reformdesk.testing;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Workbooks as an office sends them (.xlsx, dates as date cells) and the cells of one a service sent back, as text. */
public final class Workbooks {

    private Workbooks() {
    }

    /** A one-sheet workbook of {@code rows}; a {@link LocalDate} becomes a date cell, null an empty one. */
    public static byte[] write(String sheetName, List<Object[]> rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "WPS", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).length; c++) {
                    Object value = rows.get(r)[c];
                    if (value instanceof LocalDate date) {
                        sheet.value(r, c, date);
                        sheet.style(r, c).format("yyyy-mm-dd").set();
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet's rows, each cell as the text it shows. */
    public static List<List<String>> read(byte[] xlsx) {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
