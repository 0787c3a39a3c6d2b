package org.reformdesk.assessment.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.sheets.SheetTable;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A month's rankings as an Excel workbook, one sheet per category, for the office to sort, filter and forward: the
 * header row frozen and filtered, columns as wide as their longest entry.
 */
@ApplicationScoped
class RankingSheet {

    public static final String MEDIA_TYPE = SheetTable.MEDIA_TYPE;

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
        List<SheetTable.Sheet> sheets = new ArrayList<>();
        boolean frozen = true;
        for (AssessmentCategory category : AssessmentCategory.values()) {
            Standings.Table table = standings.ranking(category, month);
            frozen &= table.frozen();
            sheets.add(new SheetTable.Sheet(category + "类", HEADERS,
                    rows(table, standings.frozenRanks(category, before))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetTable.write(out, sheets);
        return new Download(yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月考核排名"
                + (frozen ? "" : "（实时）") + ".xlsx", out.toByteArray());
    }

    private static List<Object[]> rows(Standings.Table table, Map<UUID, Integer> before) {
        return table.places().stream().map(place -> new Object[] {place.rank(), place.code(), place.name(),
                place.score(), RankChange.words(RankChange.between(before.get(place.unitId()), place.rank())),
                Boolean.TRUE.equals(place.diagnosis()) ? RankChange.DIAGNOSIS_MARK : ""}).toList();
    }
}
