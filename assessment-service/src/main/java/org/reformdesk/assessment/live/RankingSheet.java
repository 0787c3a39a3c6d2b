package org.reformdesk.assessment.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.reformdesk.events.AssessmentCategory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A month's rankings as an Excel workbook, one sheet per category, for the office to sort, filter and forward: the
 * header row frozen and filtered, columns as wide as their longest entry.
 */
@ApplicationScoped
public class RankingSheet {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> HEADERS = List.of("名次", "单位代码", "单位名称", "得分", "名次变化", "一月一会诊");

    /** A sheet's workbook and the name it is saved under. */
    public record Download(String fileName, byte[] workbook) {
    }

    @Inject
    Standings standings;

    /** The month's rankings, frozen if it is closed and live if not (the file name says which). */
    public Download write(String month) {
        YearMonth yearMonth = YearMonth.parse(month);
        String before = yearMonth.minusMonths(1).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean frozen = true;
        try {
            Workbook workbook = new Workbook(out, "Reform Desk", "1.0");
            for (AssessmentCategory category : AssessmentCategory.values()) {
                Standings.Table table = standings.ranking(category, month);
                frozen &= table.frozen();
                sheet(workbook.newWorksheet(category + "类"), table, standings.frozenRanks(category, before));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("A rankings sheet could not be written", e);
        }
        return new Download(yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月考核排名"
                + (frozen ? "" : "（实时）") + ".xlsx", out.toByteArray());
    }

    private static void sheet(Worksheet sheet, Standings.Table table, Map<UUID, Integer> before) {
        int[] widths = HEADERS.stream().mapToInt(RankingSheet::width).toArray();
        for (int column = 0; column < HEADERS.size(); column++) {
            sheet.value(0, column, HEADERS.get(column));
            sheet.style(0, column).bold().set();
        }
        int row = 1;
        for (Standings.Place place : table.places()) {
            String[] texts = {null, place.code(), place.name(), null,
                    RankChange.words(RankChange.between(before.get(place.unitId()), place.rank())),
                    Boolean.TRUE.equals(place.diagnosis()) ? RankChange.DIAGNOSIS_MARK : ""};
            sheet.value(row, 0, place.rank());
            sheet.value(row, 3, place.score());
            sheet.style(row, 3).format("0.00").set();
            for (int column = 1; column < texts.length; column++) {
                if (texts[column] != null) {
                    sheet.value(row, column, texts[column]);
                    widths[column] = Math.max(widths[column], width(texts[column]));
                }
            }
            row++;
        }
        for (int column = 0; column < widths.length; column++) {
            sheet.width(column, Math.min(widths[column] + 2, 60));
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, Math.max(row - 1, 1), HEADERS.size() - 1);
    }

    /** Excel's width of a text in characters of its default font: a Chinese character takes two. */
    static int width(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.isIdeographic(c) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1)
                .sum();
    }
}
