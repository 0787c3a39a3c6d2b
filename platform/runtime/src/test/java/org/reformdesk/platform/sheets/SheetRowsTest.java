package org.reformdesk.platform.sheets;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SheetRowsTest {

    private static final SheetRows.Columns<String> COLUMNS = new SheetRows.Columns<>(
            header -> Optional.of(SheetRows.normalized(header)).filter(h -> List.of("日期", "类型", "天数").contains(h)),
            List.of("日期", "类型"), Set.of("日期"), h -> h);

    @Test
    void theHeaderIsFoundBelowACaptionAndOtherColumnsAreLeftOut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "WPS", "1.0");
        Worksheet sheet = workbook.newWorksheet("放假安排");
        sheet.value(0, 0, "2027年放假安排");
        sheet.value(1, 0, "序号");
        sheet.value(1, 1, "日期：");
        sheet.value(1, 2, " 类型 ");
        sheet.value(1, 3, "天数*");
        sheet.value(2, 0, "1");
        sheet.value(2, 1, LocalDate.of(2027, 10, 1));
        sheet.value(2, 2, "节假日");
        sheet.value(2, 3, 7);
        sheet.value(4, 1, "2027年10月9日");
        workbook.finish();

        List<SheetRows.Row<String>> rows = SheetRows.read(out.toByteArray(), COLUMNS);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(3);
        assertThat(rows.get(0).cells()).isEqualTo(Map.of("日期", "2027-10-01", "类型", "节假日", "天数", "7"));
        assertThat(rows.get(1).number()).isEqualTo(5);
        assertThat(rows.get(1).get("日期")).isEqualTo("2027年10月9日");
        assertThat(rows.get(1).get("类型")).isNull();
    }

    @Test
    void aSheetWithoutItsColumnsOrNoWorkbookAtAllIsA400NamingTheBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "WPS", "1.0");
        workbook.newWorksheet("Sheet1").value(0, 0, "日期");
        workbook.finish();

        ProblemException noHeader = catchThrowableOfType(ProblemException.class,
                () -> SheetRows.read(out.toByteArray(), COLUMNS));
        ProblemException noWorkbook = catchThrowableOfType(ProblemException.class,
                () -> SheetRows.read("日期,类型".getBytes(StandardCharsets.UTF_8), COLUMNS));

        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.getMessage()).contains("日期、类型");
        assertThat(noWorkbook.errors()).extracting(e -> e.field()).containsExactly("body");
    }

    @Test
    void aDayIsReadAsOfficesTypeIt() {
        assertThat(SheetRows.day("2027-10-01")).contains(LocalDate.of(2027, 10, 1));
        assertThat(SheetRows.day(" 2027/2/7 ")).contains(LocalDate.of(2027, 2, 7));
        assertThat(SheetRows.day("2027年2月7日")).contains(LocalDate.of(2027, 2, 7));
        assertThat(SheetRows.day("2027.2.7")).contains(LocalDate.of(2027, 2, 7));
        assertThat(SheetRows.day("2027-02-30")).isEmpty();
        assertThat(SheetRows.day("2027年2月")).isEmpty();
        assertThat(SheetRows.day("国庆节")).isEmpty();
    }
}
