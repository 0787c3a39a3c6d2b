package org.reformdesk.task.spreadsheet;

import org.junit.jupiter.api.Test;
import org.reformdesk.task.ledger.TaskOrigin;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

    @Test
    void deadlinesAreReadAsOfficesWriteThem() {
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        assertThat(CellText.date("2026-06-30")).contains(june30);
        assertThat(CellText.date("2026/6/30")).contains(june30);
        assertThat(CellText.date("2026年6月30日")).contains(june30);
        assertThat(CellText.date("2026年6月")).contains(june30);
        assertThat(CellText.date("2026年6月底")).contains(june30);
        assertThat(CellText.date("2026年底")).contains(LocalDate.of(2026, 12, 31));
        assertThat(CellText.date("2026年")).contains(LocalDate.of(2026, 12, 31));
    }

    @Test
    void whatIsNoDateIsNotGuessed() {
        assertThat(CellText.date("明年")).isEmpty();
        assertThat(CellText.date("2026-02-30")).isEmpty();
        assertThat(CellText.date("2026年13月")).isEmpty();
    }

    @Test
    void originsAndRigidityAcceptTheChineseWords() {
        assertThat(CellText.origin("中央部署")).contains(TaskOrigin.CENTRAL);
        assertThat(CellText.origin("省委")).contains(TaskOrigin.PROVINCIAL);
        assertThat(CellText.origin("自选")).contains(TaskOrigin.SELF_INITIATED);
        assertThat(CellText.origin("MUNICIPAL")).contains(TaskOrigin.MUNICIPAL);
        assertThat(CellText.origin("上面定的")).isEmpty();
        assertThat(CellText.rigid("是")).contains(true);
        assertThat(CellText.rigid("自选")).contains(false);
        assertThat(CellText.rigid("也许")).isEqualTo(Optional.empty());
    }

    @Test
    void statusesAndReportMonthsReadAsTheSheetWritesThem() {
        assertThat(CellText.status("已销号")).contains(TaskStatus.CLOSED);
        assertThat(CellText.status(" 推进中 ")).contains(TaskStatus.IN_PROGRESS);
        assertThat(CellText.status("closed")).contains(TaskStatus.CLOSED);
        assertThat(CellText.status("完成了")).isEmpty();
        assertThat(CellText.month("2027-03")).contains(YearMonth.of(2027, 3));
        assertThat(CellText.month("2027年3月")).contains(YearMonth.of(2027, 3));
        assertThat(CellText.month("2027-03-15")).contains(YearMonth.of(2027, 3));
        assertThat(CellText.month("2027年")).isEmpty();
    }

    @Test
    void listsSplitOnTheSeparatorsOfficesUse() {
        assertThat(CellText.list("市发展改革委、市财政局，五华区;盘龙区")).containsExactly("市发展改革委", "市财政局", "五华区", "盘龙区");
        assertThat(CellText.list(null)).isEmpty();
    }

    @Test
    void headersAreRecognisedInChineseAndEnglish() {
        assertThat(SheetColumn.byHeader("牵头部门")).contains(SheetColumn.LEAD_UNIT);
        assertThat(SheetColumn.byHeader(" 完成时限* ")).contains(SheetColumn.DEADLINE);
        assertThat(SheetColumn.byHeader("Title")).contains(SheetColumn.TITLE);
        assertThat(SheetColumn.byHeader("备注")).isEmpty();
    }
}
