package org.reformdesk.assessment.bulletin;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.reformdesk.assessment.live.RankChange;
import org.reformdesk.events.AssessmentCategory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a month's bulletin as a Word document in the shape of an office's 通报: red letterhead with the issuing
 * number, title, the month's figures, rankings per category, the units for 会诊, overdue tasks and supervision orders,
 * and the office's sign-off. Every run names its East Asian font besides its Latin one: WPS and Word fall back to
 * different fonts for CJK text a run leaves unnamed, and a 通报 set in the wrong face looks forged.
 */
public final class BulletinDocument {

    /** The standard faces of a Chinese official document (GB/T 9704): 仿宋 text, 黑体 headings, 宋体 tables. */
    static final String TEXT_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String TABLE_FONT = "宋体";
    static final String LATIN_FONT = "Times New Roman";

    private static final String[] CHAPTERS = {"一", "二", "三", "四", "五"};
    private static final String[] SECTIONS = {"（一）", "（二）", "（三）"};

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
        return "关于" + yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月全面深化改革工作情况的通报";
    }

    private void compose(BulletinContent content) {
        BulletinContent.Letterhead letterhead = content.letterhead();
        XWPFParagraph office = paragraph(ParagraphAlignment.CENTER);
        run(office, letterhead.officeName(), TABLE_FONT, 26, true).setColor("FF0000");
        XWPFParagraph number = paragraph(ParagraphAlignment.CENTER);
        number.setBorderBottom(Borders.THICK);
        run(number, letterhead.number(), TEXT_FONT, 16, false);
        run(paragraph(ParagraphAlignment.CENTER), letterhead.title(), HEADING_FONT, 22, false);
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
            rows.add(new String[] {BulletinContent.label(figures.category()), Integer.toString(figures.units()),
                    Integer.toString(figures.closes()), Integer.toString(figures.onTime()),
                    rate(figures.onTime(), figures.closes()), Integer.toString(figures.overdue()),
                    Integer.toString(figures.orders()), points(figures.averageScore())});
        }
        table(new String[] {"类别", "参评单位", "销号任务", "按时销号", "按时销号率", "新增逾期任务", "收到督办单", "平均得分"},
                rows);
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
        table(new String[] {"名次", "单位", "得分", "名次变化", "一月一会诊"}, rows);
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
        table(new String[] {"单位", "类别", "逾期任务数", "扣分", "逾期任务"}, rows);
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
        table(new String[] {"单位", "类别", "下发督办单", "督办升级", "扣分", "督办事项"}, rows);
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

    private void table(String[] headers, List<String[]> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, headers.length);
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int column = 0; column < headers.length; column++) {
            cell(header.getCell(column), headers[column], true);
        }
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < headers.length; column++) {
                cell(table.getRow(row + 1).getCell(column), rows.get(row)[column], false);
            }
        }
        paragraph(ParagraphAlignment.LEFT);
    }

    /** A cell's text, one paragraph per line (a line break inside a run is not one in Word). */
    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            run(paragraph, lines[i], TABLE_FONT, 10.5, bold);
        }
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
