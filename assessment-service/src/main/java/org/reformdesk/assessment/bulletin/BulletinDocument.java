package org.reformdesk.assessment.bulletin;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.reformdesk.assessment.live.RankChange;
import org.reformdesk.events.AssessmentCategory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a month's bulletin as a Word document in the shape of an office's 通报: red letterhead with the issuing
 * number, title, the month's figures by category and by policy area, rankings per category, the units for 会诊, overdue tasks and supervision orders,
 * and the office's sign-off. Every run names its East Asian font besides its Latin one: WPS and Word fall back to
 * different fonts for CJK text a run leaves unnamed, and a 通报 set in the wrong face looks forged. The page is A4 with
 * GB/T 9704's margins, and the document's East Asian language is zh-CN rather than whatever the reader's Word or WPS
 * is set to.
 */
final class BulletinDocument {

    /** The standard faces of a Chinese official document (GB/T 9704): 仿宋 text, 黑体 headings, 宋体 tables. */
    static final String TEXT_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String TABLE_FONT = "宋体";
    static final String LATIN_FONT = "Times New Roman";

    private static final String[] CHAPTERS = {"一", "二", "三", "四", "五"};
    private static final String[] SECTIONS = {"（一）", "（二）", "（三）"};

    /** GB/T 9704's page: A4, margins 37 mm top, 35 mm bottom, 28 mm left (the binding side), 26 mm right. */
    private static final int PAGE_WIDTH = twips(210);
    private static final int PAGE_HEIGHT = twips(297);
    private static final int MARGIN_TOP = twips(37);
    private static final int MARGIN_BOTTOM = twips(35);
    private static final int MARGIN_LEFT = twips(28);
    private static final int MARGIN_RIGHT = twips(26);
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /** One line of 3号 text: the gap GB/T 9704 leaves around the title. */
    private static final int ONE_LINE = 560;
    private static final int CELL_MARGIN = 80;
    private static final String RED = "FF0000";
    /**
     * Where the title turns to its second line. At 2号 it runs a character or two past one line, and GB/T 9704 turns
     * a title where its words allow, not before its last character.
     */
    private static final String TITLE_TAIL = "工作情况的通报";

    private final XWPFDocument document = new XWPFDocument();

    private BulletinDocument() {
    }

    /** The bulletin as .docx bytes. */
    public static byte[] write(BulletinContent content) {
        BulletinDocument writer = new BulletinDocument();
        writer.compose(content);
        try (XWPFDocument document = writer.document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A bulletin could not be written", e);
        }
    }

    /** The bulletin's title, also its download's file name. */
    public static String title(String month) {
        YearMonth yearMonth = YearMonth.parse(month);
        return "关于" + yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月全面深化改革" + TITLE_TAIL;
    }

    private void compose(BulletinContent content) {
        BulletinContent.Letterhead letterhead = content.letterhead();
        XWPFParagraph office = paragraph(ParagraphAlignment.CENTER);
        run(office, letterhead.officeName(), TABLE_FONT, 26, true).setColor(RED);
        XWPFParagraph number = paragraph(ParagraphAlignment.CENTER);
        number.setBorderBottom(Borders.THICK);
        // the rule under the issuing number is what makes a 红头文件; black, it reads as a draft
        number.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
        run(number, letterhead.number(), TEXT_FONT, 16, false);
        XWPFParagraph title = paragraph(ParagraphAlignment.CENTER);
        title.setSpacingBefore(ONE_LINE);
        title.setSpacingAfter(ONE_LINE);
        String words = letterhead.title();
        if (words.endsWith(TITLE_TAIL)) {
            XWPFRun head = run(title, words.substring(0, words.length() - TITLE_TAIL.length()), HEADING_FONT, 22, false);
            head.addBreak();
            head.setText(TITLE_TAIL);
        } else {
            run(title, words, HEADING_FONT, 22, false);
        }
        text("各区县（市）、开发区，市级各部门：");
        text("　　根据全面深化改革工作考核方案和“一月一排名、一月一通报、一月一会诊”工作机制，现将" + monthLabel(content.month())
                + "全面深化改革工作情况通报如下。");

        chapter(0, "总体情况");
        figures(content);
        chapter(1, "排名情况");
        for (int i = 0; i < content.rankings().size(); i++) {
            BulletinContent.CategoryRanking ranking = content.rankings().get(i);
            heading(SECTIONS[i] + BulletinContent.label(ranking.category()));
            ranking(ranking);
        }
        chapter(2, "一月一会诊");
        diagnosis(content);
        chapter(3, "逾期任务情况");
        overdue(content);
        chapter(4, "督办情况");
        supervision(content);

        paragraph(ParagraphAlignment.RIGHT);
        run(paragraph(ParagraphAlignment.RIGHT), letterhead.officeName(), TEXT_FONT, 16, false);
        run(paragraph(ParagraphAlignment.RIGHT), content.issuedOn().getYear() + "年"
                + content.issuedOn().getMonthValue() + "月" + content.issuedOn().getDayOfMonth() + "日", TEXT_FONT, 16,
                false);
        page();
    }

    private void figures(BulletinContent content) {
        int closes = content.figures().stream().mapToInt(BulletinContent.CategoryFigures::closes).sum();
        int onTime = content.figures().stream().mapToInt(BulletinContent.CategoryFigures::onTime).sum();
        int overdue = content.figures().stream().mapToInt(BulletinContent.CategoryFigures::overdue).sum();
        int orders = content.figures().stream().mapToInt(BulletinContent.CategoryFigures::orders).sum();
        text("　　本月全市共销号改革任务" + closes + "项，其中按时销号" + onTime + "项，按时销号率" + rate(onTime, closes)
                + "；新增逾期任务" + overdue + "项；各单位收到督办单" + orders + "份。分类情况如下：");
        List<String[]> rows = new ArrayList<>();
        for (BulletinContent.CategoryFigures figures : content.figures()) {
            rows.add(new String[] {figures.category() + "类", Integer.toString(figures.units()),
                    Integer.toString(figures.closes()), Integer.toString(figures.onTime()),
                    rate(figures.onTime(), figures.closes()), Integer.toString(figures.overdue()),
                    Integer.toString(figures.orders()), points(figures.averageScore())});
        }
        table(List.of(Column.centered("类别", 6), Column.centered("参评单位", 10), Column.centered("销号任务", 10),
                Column.centered("按时销号", 10), Column.centered("按时销号率", 12), Column.centered("新增逾期任务", 14),
                Column.centered("收到督办单", 12), Column.centered("平均得分", 10)), rows);
        areas(content);
    }

    private void areas(BulletinContent content) {
        if (content.areas().isEmpty()) {
            return;
        }
        text("　　分政策领域情况如下（一项任务涉及多个领域的，在各领域分别计数）：");
        List<String[]> rows = new ArrayList<>();
        for (BulletinContent.AreaFigures area : content.areas()) {
            rows.add(new String[] {area.area(), Integer.toString(area.closes()), Integer.toString(area.onTime()),
                    rate(area.onTime(), area.closes()), Integer.toString(area.overdue())});
        }
        table(List.of(Column.centered("政策领域", 28), Column.centered("销号任务", 16), Column.centered("按时销号", 16),
                Column.centered("按时销号率", 20), Column.centered("新增逾期任务", 20)), rows);
    }

    private void ranking(BulletinContent.CategoryRanking ranking) {
        if (ranking.units().isEmpty()) {
            text("　　本类别本月无参评单位。");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (BulletinContent.RankedUnit unit : ranking.units()) {
            rows.add(new String[] {Integer.toString(unit.rank()), unit.name(), points(unit.score()),
                    RankChange.words(unit.change()), unit.diagnosis() ? RankChange.DIAGNOSIS_MARK : ""});
        }
        table(List.of(Column.centered("名次", 12), Column.centered("单位", 40), Column.centered("得分", 16),
                Column.centered("名次变化", 16), Column.centered("一月一会诊", 16)), rows);
    }

    private void diagnosis(BulletinContent content) {
        List<String> flagged = new ArrayList<>();
        for (AssessmentCategory category : AssessmentCategory.values()) {
            for (BulletinContent.RankedUnit unit : content.diagnosis(category)) {
                flagged.add(unit.name() + "（" + category + "类第" + unit.rank() + "名，" + points(unit.score()) + "分）");
            }
        }
        if (flagged.isEmpty()) {
            text("　　本月各类别无排名末位单位，不安排会诊。");
        } else {
            text("　　以下单位本月排名末位，列入一月一会诊，由" + content.letterhead().officeName()
                    + "会同有关方面上门会诊、帮助查找问题、督促整改："
                    + String.join("、", flagged) + "。");
        }
    }

    private void overdue(BulletinContent content) {
        if (content.overdue().isEmpty()) {
            text("　　本月无新增逾期任务。");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (BulletinContent.OverdueUnit unit : content.overdue()) {
            rows.add(new String[] {unit.name(), unit.category() + "类", Integer.toString(unit.tasks().size()),
                    points(unit.points()), String.join("\n", unit.tasks())});
        }
        table(List.of(Column.centered("单位", 22), Column.centered("类别", 9), Column.centered("逾期任务数", 14),
                Column.centered("扣分", 10), Column.flowing("逾期任务", 45)), rows);
    }

    private void supervision(BulletinContent content) {
        if (content.supervision().isEmpty()) {
            text("　　本月未下发督办单。");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (BulletinContent.SupervisedUnit unit : content.supervision()) {
            rows.add(new String[] {unit.name(), unit.category() + "类", Integer.toString(unit.issued()),
                    Integer.toString(unit.escalated()), points(unit.points()), String.join("\n", unit.orders())});
        }
        table(List.of(Column.centered("单位", 20), Column.centered("类别", 9), Column.centered("下发督办单", 14),
                Column.centered("督办升级", 12), Column.centered("扣分", 10), Column.flowing("督办事项", 35)), rows);
    }

    private void chapter(int index, String title) {
        run(paragraph(ParagraphAlignment.LEFT), "　　" + CHAPTERS[index] + "、" + title, HEADING_FONT, 16, false);
    }

    private void heading(String title) {
        run(paragraph(ParagraphAlignment.LEFT), "　　" + title, TEXT_FONT, 16, true);
    }

    private void text(String text) {
        run(paragraph(ParagraphAlignment.BOTH), text, TEXT_FONT, 16, false);
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    /**
     * A table across the text width with fixed column widths, each share wide enough for its header at 五号 on one
     * line: left to the reader's autofit, LibreOffice and WPS give every column the same width, and a unit's name
     * wraps beside a column of one digit. Cell margins of 1.4 mm (Word's are 1.9) leave the headers their room.
     */
    private void table(List<Column> columns, List<String[]> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, columns.size());
        table.setWidth(Integer.toString(TEXT_WIDTH));
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setCellMargins(0, CELL_MARGIN, 0, CELL_MARGIN);
        int shares = columns.stream().mapToInt(Column::share).sum();
        int[] widths = columns.stream().mapToInt(column -> TEXT_WIDTH * column.share() / shares).toArray();
        CTTblGrid grid = table.getCTTbl().addNewTblGrid();
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int column = 0; column < columns.size(); column++) {
            cell(header.getCell(column), widths[column], columns.get(column).header(), ParagraphAlignment.CENTER,
                    true);
        }
        for (int row = 0; row < rows.size(); row++) {
            // a unit's row torn over two pages leaves its list of tasks under a header with no unit beside it
            table.getRow(row + 1).setCantSplitRow(true);
            for (int column = 0; column < columns.size(); column++) {
                cell(table.getRow(row + 1).getCell(column), widths[column], rows.get(row)[column],
                        columns.get(column).alignment(), false);
            }
        }
        paragraph(ParagraphAlignment.LEFT);
    }

    /** A cell's text, one paragraph per line (a line break inside a run is not one in Word). */
    private static void cell(XWPFTableCell cell, int width, String text, ParagraphAlignment alignment, boolean bold) {
        cell.setWidth(Integer.toString(width));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            paragraph.setAlignment(alignment);
            run(paragraph, lines[i], TABLE_FONT, 10.5, bold);
        }
    }

    /** A table's column: its header, its share of the text width, and how its cells sit. */
    private record Column(String header, int share, ParagraphAlignment alignment) {

        /** Figures, names and marks, centred as in an official form. */
        static Column centered(String header, int share) {
            return new Column(header, share, ParagraphAlignment.CENTER);
        }

        /** A list of tasks or orders, one a line, read from the left. */
        static Column flowing(String header, int share) {
            return new Column(header, share, ParagraphAlignment.LEFT);
        }
    }

    /** The page of GB/T 9704, and zh-CN as the East Asian language; a body's section properties come last in it. */
    private void page() {
        document.createStyles().setEastAsia("zh-CN");
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(twips(15)));
        margins.setGutter(BigInteger.ZERO);
    }

    private static int twips(int millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, String eastAsianFont, double size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(eastAsianFont, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        return run;
    }

    private static String monthLabel(String month) {
        YearMonth yearMonth = YearMonth.parse(month);
        return yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月";
    }

    private static String rate(int part, int whole) {
        return whole == 0 ? "—" : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP) + "%";
    }

    private static String points(BigDecimal points) {
        return points == null ? "—" : points.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
