package org.reformdesk.platform.sheets;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class SheetTableTest {

    @TempDir
    Path dir;

    @Test
    void headersAreFrozenAndFilteredAndColumnsFitTheirChineseText() throws IOException {
        Path file = dir.resolve("orders.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            SheetTable.write(out, "督办单台账", List.of("督办层级", "进展百分比", "最新进展"), List.of(
                    new Object[] {"提示单", 60, "已出台实施方案并召开推进会"},
                    new Object[] {"责令书", null, "x".repeat(500)}));
        }

        try (ReadableWorkbook book = new ReadableWorkbook(file.toFile())) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("督办层级");
            assertThat(rows.get(1).getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(rows.get(1).getCell(1).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(60));
            assertThat(rows.get(2).getCellText(0)).isEqualTo("责令书");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(sheet).contains("ySplit=\"1\"").contains("<autoFilter ref=\"A1:C3\"");
            // 最新进展's narrative: 13 Chinese characters are 26 wide, the 500-character one is capped
            assertThat(sheet).containsPattern("<col min=\"3\" max=\"3\" width=\"" + (int) SheetTable.MAX_WIDTH);
        }
    }

    @Test
    void aChineseCharacterIsTwoCharactersWide() {
        assertThat(SheetTable.width("报告期")).isEqualTo(6);
        assertThat(SheetTable.width("2026-03")).isEqualTo(7);
        assertThat(SheetTable.width("第一行\nlonger line")).isEqualTo(11);
    }
}
