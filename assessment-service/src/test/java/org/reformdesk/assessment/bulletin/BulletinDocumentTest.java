package org.reformdesk.assessment.bulletin;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.reformdesk.assessment.live.RankChange;
import org.reformdesk.events.AssessmentCategory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinDocumentTest {

    @Test
    void aQuietMonthSaysSoAndEachUnitsMoveIsWorded() throws IOException {
        BulletinContent content = new BulletinContent("2026-11", new BulletinContent.Letterhead("某市委改革办",
                "改革办通报〔2026〕11号", BulletinDocument.title("2026-11")), LocalDate.of(2026, 12, 1),
                List.of(new BulletinContent.CategoryFigures(AssessmentCategory.B, 3, 4, 3, 0, 0,
                        new BigDecimal("99.5"))),
                List.of(),
                List.of(new BulletinContent.CategoryRanking(AssessmentCategory.B, List.of(
                        new BulletinContent.RankedUnit(1, "统计局", new BigDecimal("100"), 2, false),
                        new BulletinContent.RankedUnit(2, "档案局", new BigDecimal("99.5"), 0, false),
                        new BulletinContent.RankedUnit(3, "气象局", new BigDecimal("99"), -2, true),
                        new BulletinContent.RankedUnit(3, "地震局", new BigDecimal("99"), null, true)))),
                List.of(), List.of());

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(BulletinDocument.write(content)))) {
            String text = document.getParagraphs().stream().map(XWPFParagraph::getText)
                    .collect(Collectors.joining("\n"));
            assertThat(text).contains("某市委改革办", "本月全市共销号改革任务4项，其中按时销号3项，按时销号率75.0%",
                    "本月无新增逾期任务。", "本月未下发督办单。", "气象局（B类第3名，99.00分）、地震局（B类第3名，99.00分）");
            XWPFTable ranking = document.getTables().get(1);
            assertThat(ranking.getRows()).hasSize(5);
            assertThat(ranking.getRows().stream().skip(1).map(row -> row.getCell(3).getText()).toList())
                    .containsExactly("上升2位", "持平", "下降2位", "—");
            assertThat(ranking.getRow(4).getCell(4).getText()).isEqualTo(RankChange.DIAGNOSIS_MARK);
            assertThat(document.getTables()).hasSize(2);
        }
    }

    @Test
    void itPrintsOnA4UnderARedRuleWithEachHeaderOfItsFiguresOnOneLine() throws IOException {
        BulletinContent content = new BulletinContent("2026-11", new BulletinContent.Letterhead("某市委改革办",
                "改革办通报〔2026〕11号", BulletinDocument.title("2026-11")), LocalDate.of(2026, 12, 1),
                List.of(new BulletinContent.CategoryFigures(AssessmentCategory.A, 2, 3, 3, 0, 0, new BigDecimal("100"))),
                List.of(), List.of(), List.of(), List.of());

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(BulletinDocument.write(content)))) {
            CTPageSz page = document.getDocument().getBody().getSectPr().getPgSz();
            assertThat(List.of(page.getW(), page.getH())).containsExactly(BigInteger.valueOf(11906),
                    BigInteger.valueOf(16838));
            XWPFParagraph number = document.getParagraphs().stream()
                    .filter(p -> p.getText().equals("改革办通报〔2026〕11号")).findFirst().orElseThrow();
            assertThat(number.getCTP().getPPr().getPBdr().getBottom().xgetColor().getStringValue())
                    .isEqualTo("FF0000");
            for (XWPFTableCell header : document.getTables().get(0).getRow(0).getTableCells()) {
                // 五号 is 10.5 pt, 210 twips a character, and a cell keeps 80 twips clear on either side
                assertThat(header.getWidth()).as(header.getText())
                        .isGreaterThanOrEqualTo(header.getText().length() * 210 + 160);
            }
        }
    }
}
