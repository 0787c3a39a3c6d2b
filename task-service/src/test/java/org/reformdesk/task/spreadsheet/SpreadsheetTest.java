package org.reformdesk.task.spreadsheet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;
import org.reformdesk.testing.Workbooks;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.reformdesk.testing.Workbooks.read;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SpreadsheetTest {

    @Inject
    ServiceClock clock;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aTaskListWithChineseHeadersIsImportedAndExportedBack() throws IOException {
        String tag = "导入-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        String leadCode = code(lead);
        String districtName = name(district);
        LedgerFixtures.person(lead, "HEAD", "局长" + tag);
        byte[] sheet = workbook(List.of(
                new Object[] {"昆明市全面深化改革任务分工方案"},
                new Object[] {"序号", "任务编号", "改革任务", "政策领域", "任务来源", "刚性任务", "牵头单位", "责任单位", "完成时限",
                        "时间节点", "成果形式", "标签"},
                new Object[] {"1", "KMX-" + tag.substring(3), "深化行政审批制度改革", "经济、社会民生", "省委部署", "是", leadCode,
                        districtName, LocalDate.of(2030, 6, 30), "出台方案：2030年3月", "制度文件", tag},
                new Object[] {"2", null, "推进事业单位分类改革", "党的建设", "市委部署", "否", leadCode, null, "2030年底", null,
                        null, tag}));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet)
                .queryParam("status", "ASSIGNED").header("Idempotency-Key", "plan-" + tag)
                .post("/api/v1/tasks/sheet")
                .then().log().ifValidationFails().statusCode(201).body("imported", equalTo(2))
                .body("status", equalTo("ASSIGNED"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet)
                .queryParam("status", "ASSIGNED").header("Idempotency-Key", "plan-" + tag)
                .post("/api/v1/tasks/sheet")
                .then().statusCode(201).body("imported", equalTo(2));

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items[0].deadline", equalTo("2030-06-30")).body("items[0].origin", equalTo("PROVINCIAL"))
                .body("items[0].rigid", equalTo(true)).body("items[0].policyAreas", hasItems("经济", "社会民生"))
                .body("items[0].participatingUnitIds", hasItem(district.toString()))
                .body("items[0].milestones[0].dueOn", equalTo("2030-03-31"))
                .body("items[0].status", equalTo("ASSIGNED"))
                .body("items[1].deadline", equalTo("2030-12-31"));

        byte[] exported = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag)
                .get("/api/v1/tasks/sheet")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        List<List<String>> rows = read(exported);
        assertThat(rows.get(0)).startsWith("任务编号", "改革任务", "具体内容", "政策领域");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("深化行政审批制度改革", "经济、社会民生", "省委部署", "是", "2030-06-30", "局长" + tag,
                "出台方案：2030-03-31", "已下达", "绿灯");
    }

    @Test
    void theSheetCarriesEachTasksLatestProgressAndCloseDateBesideItsLight() throws IOException {
        String tag = "进展-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID reporting = LedgerFixtures.task(Map.of("title", "推进政务服务一网通办", "leadUnitId", lead.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", clock.today().plusDays(200).toString(),
                "tags", List.of(tag)));
        UUID closing = LedgerFixtures.task(Map.of("title", "完成机构改革", "leadUnitId", lead.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", clock.today().plusDays(200).toString(),
                "tags", List.of(tag)));
        YearMonth month = YearMonth.from(clock.today());
        report(reporting, month.minusMonths(1), 30, "完成调研摸底");
        report(reporting, month, 60, "出台实施方案");
        LedgerFixtures.move(closing, "START", null);
        LedgerFixtures.move(closing, "REQUEST_CLOSE", null);
        LedgerFixtures.move(closing, "CLOSE", null);

        byte[] exported = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag)
                .get("/api/v1/tasks/sheet")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();

        List<List<String>> rows = read(exported);
        assertThat(rows.get(0)).containsSubsequence("状态", "销号日期", "暂停日期", "剩余天数", "红黄绿灯", "进展百分比", "最新进展",
                "报告期");
        int status = rows.get(0).indexOf("状态");
        List<String> reported = rows.stream().filter(r -> r.contains("推进政务服务一网通办")).findFirst().orElseThrow();
        assertThat(reported.subList(status, status + 8))
                .containsExactly("已下达", "", "", "", "绿灯", "60", "出台实施方案", month.toString());
        List<String> closed = rows.stream().filter(r -> r.contains("完成机构改革")).findFirst().orElseThrow();
        assertThat(closed.subList(status, status + 5)).containsExactly("已销号", clock.today().toString(), "", "", "绿灯");
    }

    @Test
    void anExportedLedgerImportedAgainKeepsItsStatusesCloseDatesAndProgress() throws IOException {
        String tag = "往返-" + UUID.randomUUID().toString().substring(0, 8);
        String copy = tag + "-副本";
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID head = LedgerFixtures.person(lead, "HEAD", "局长" + tag);
        YearMonth month = YearMonth.from(clock.today());
        UUID reporting = ledgerTask(lead, head, "推进政务服务一网通办", tag);
        report(reporting, month.minusMonths(1), 30, "完成调研摸底");
        LedgerFixtures.move(reporting, "START", null);
        report(reporting, month, 60, "出台实施方案");
        UUID closed = ledgerTask(lead, head, "完成机构改革", tag);
        report(closed, month, 100, "全面完成");
        LedgerFixtures.move(closed, "START", null);
        LedgerFixtures.move(closed, "REQUEST_CLOSE", null);
        LedgerFixtures.move(closed, "CLOSE", null);
        ledgerTask(lead, head, "清理规范议事协调机构", tag);
        List<List<String>> exported = read(export(tag));

        List<Object[]> renamed = new ArrayList<>();
        int codeColumn = exported.get(0).indexOf("任务编号");
        int tagColumn = exported.get(0).indexOf("标签");
        for (List<String> row : exported) {
            String[] cells = row.toArray(String[]::new);
            if (renamed.size() > 0) {
                cells[codeColumn] = cells[codeColumn] + "-R";
                cells[tagColumn] = copy;
            }
            renamed.add(cells);
        }
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(workbook(renamed))
                .post("/api/v1/tasks/sheet")
                .then().log().ifValidationFails().statusCode(201).body("imported", equalTo(3));

        List<List<String>> again = read(export(copy));
        int status = exported.get(0).indexOf("状态");
        for (String title : List.of("推进政务服务一网通办", "完成机构改革", "清理规范议事协调机构")) {
            List<String> before = row(exported, title);
            assertThat(row(again, title).subList(status, before.size())).isEqualTo(before.subList(status, before.size()));
        }
        assertThat(row(again, "推进政务服务一网通办").subList(status, status + 8))
                .containsExactly("推进中", "", "", "", "绿灯", "60", "出台实施方案", month.toString());
        assertThat(row(again, "完成机构改革").subList(status, status + 2)).containsExactly("已销号", clock.today().toString());
        assertThat(row(again, "清理规范议事协调机构").get(status)).isEqualTo("已下达");
    }

    @Test
    void aRunningLedgersClosedTaskIsCreatedClosedOnItsDayWithItsLatestReport() throws IOException {
        String tag = "在办-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = LedgerFixtures.unit("B", "DEPARTMENT");
        LedgerFixtures.person(lead, "HEAD", "主任" + tag);
        LocalDate closedOn = clock.today().minusMonths(3);
        YearMonth period = YearMonth.from(closedOn);
        byte[] sheet = workbook(List.of(
                new Object[] {"改革任务", "牵头单位", "完成时限", "标签", "状态", "销号日期", "进展百分比", "最新进展", "报告期"},
                new Object[] {"推进医保支付方式改革", code(lead), "2030-12-31", tag, "已销号", closedOn, "100",
                        "按期全面完成", period.getYear() + "年" + period.getMonthValue() + "月"}));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet).post("/api/v1/tasks/sheet")
                .then().log().ifValidationFails().statusCode(201).body("imported", equalTo(1));

        String task = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks")
                .then().body("total", equalTo(1)).body("items[0].status", equalTo("CLOSED")).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/history", task)
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].to", equalTo("CLOSED"))
                .body("[0].reason", equalTo("导入原台账"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].period", equalTo(period.toString()))
                .body("[0].percent", equalTo(100)).body("[0].narrative", equalTo("按期全面完成"));
        List<List<String>> rows = read(export(tag));
        int status = rows.get(0).indexOf("状态");
        assertThat(rows.get(1).subList(status, status + 8)).containsExactly("已销号", closedOn.toString(), "", "", "绿灯",
                "100", "按期全面完成", period.toString());
    }

    @Test
    void aSuspendedTaskKeepsItsStoppedClockThroughExportAndImportAndResumesWithItsDaysLeft() throws IOException {
        String tag = "暂停-" + UUID.randomUUID().toString().substring(0, 8);
        String copy = tag + "-副本";
        UUID lead = LedgerFixtures.unit("C", "DISTRICT");
        UUID head = LedgerFixtures.person(lead, "HEAD", "区长" + tag);
        UUID waiting = ledgerTask(lead, head, "推进农村集体经营性建设用地入市", tag);
        LedgerFixtures.move(waiting, "SUSPEND", "待上级部署统一启动");
        LocalDate deadline = LocalDate.now().plusDays(200);
        List<List<String>> exported = read(export(tag));
        int status = exported.get(0).indexOf("状态");
        assertThat(exported.get(1).subList(status, status + 5)).containsExactly("待上级部署统一启动", "",
                clock.today().toString(), String.valueOf(deadline.toEpochDay() - clock.today().toEpochDay()), "绿灯");

        List<Object[]> renamed = new ArrayList<>();
        int codeColumn = exported.get(0).indexOf("任务编号");
        int tagColumn = exported.get(0).indexOf("标签");
        for (List<String> row : exported) {
            String[] cells = row.toArray(String[]::new);
            if (!renamed.isEmpty()) {
                cells[codeColumn] = cells[codeColumn] + "-R";
                cells[tagColumn] = copy;
            }
            renamed.add(cells);
        }
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(workbook(renamed))
                .post("/api/v1/tasks/sheet").then().log().ifValidationFails().statusCode(201).body("imported", equalTo(1));

        String imported = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", copy).get("/api/v1/tasks")
                .then().body("total", equalTo(1)).body("items[0].status", equalTo("SUSPENDED"))
                .body("items[0].suspendedOn", equalTo(clock.today().toString()))
                .body("items[0].remainingDays", equalTo((int) (deadline.toEpochDay() - clock.today().toEpochDay())))
                .body("items[0].timeliness", equalTo("ON_TRACK")).extract().path("items[0].id");
        assertThat(row(read(export(copy)), "推进农村集体经营性建设用地入市").subList(status, exported.get(1).size()))
                .isEqualTo(exported.get(1).subList(status, exported.get(1).size()));

        LocalDate resumedOn = clock.today().plusDays(30);
        clock.moveTo(resumedOn.atTime(10, 0).atZone(clock.getZone()).toInstant());
        try {
            LedgerFixtures.move(UUID.fromString(imported), "RESUME", null);
            given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", imported).then()
                    .body("status", equalTo("ASSIGNED")).body("deadline", equalTo(deadline.plusDays(30).toString()))
                    .body("suspendedOn", equalTo(null));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCitysSuspendedTaskNeedsTheDayItsClockStoppedAndDaysLeftThatAgree() throws IOException {
        String tag = "待部署-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = LedgerFixtures.unit("C", "DISTRICT");
        LedgerFixtures.person(lead, "HEAD", "区长" + tag);
        String unit = code(lead);
        LocalDate stopped = clock.today().minusDays(20);
        LocalDate deadline = clock.today().plusDays(100);
        String tomorrow = clock.today().plusDays(1).toString();
        Object[] header = {"改革任务", "牵头单位", "完成时限", "标签", "状态", "暂停日期", "剩余天数", "进展百分比", "最新进展", "报告期"};
        Object[] good = {"推进县域医共体改革", unit, deadline, tag, "待上级部署统一启动", stopped, "120", "20", "完成摸底",
                YearMonth.from(stopped).toString()};

        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(workbook(List.of(header, good,
                        new Object[] {"没有暂停日期", unit, deadline, tag, "SUSPENDED"},
                        new Object[] {"剩余天数不符", unit, deadline, tag, "待上级部署统一启动", stopped, "30"},
                        new Object[] {"暂停日期未到", unit, deadline, tag, "待上级部署统一启动", tomorrow},
                        new Object[] {"推进中却暂停", unit, deadline, tag, "推进中", stopped, "120"})))
                .post("/api/v1/tasks/sheet")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("rows[3]", "rows[4]", "rows[5]", "rows[6]"))
                .body("errors.field", org.hamcrest.Matchers.not(hasItem("rows[2]")))
                .body("errors.message", hasItem("待上级部署统一启动 needs its 暂停日期, the day the deadline clock stopped"))
                .body("errors.message", hasItem("剩余天数 30 does not agree with 完成时限 " + deadline + " and 暂停日期 "
                        + stopped + ": the clock stopped with 120 days left"))
                .body("errors.message", hasItem("暂停日期 " + tomorrow + " has not come yet"))
                .body("errors.message", hasItems("暂停日期 is for 待上级部署统一启动 tasks only",
                        "剩余天数 is for 待上级部署统一启动 tasks only"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks")
                .then().body("total", equalTo(0));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(workbook(List.of(header, good)))
                .post("/api/v1/tasks/sheet").then().log().ifValidationFails().statusCode(201);
        String task = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks")
                .then().body("items[0].status", equalTo("SUSPENDED")).body("items[0].suspendedOn", equalTo(stopped.toString()))
                .body("items[0].remainingDays", equalTo(120)).extract().path("items[0].id");
        // work had begun (the old ledger shows a report), so resuming returns it to 推进中
        LedgerFixtures.move(UUID.fromString(task), "RESUME", null);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task).then()
                .body("status", equalTo("IN_PROGRESS")).body("deadline", equalTo(clock.today().plusDays(120).toString()));
    }

    @Test
    void aRunningLedgersBadStandingsAreReportedPerRowAndNothingIsImported() throws IOException {
        String tag = "在办坏行-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        LedgerFixtures.person(lead, "HEAD", "主任" + tag);
        String unit = code(lead);
        String nextMonth = YearMonth.from(clock.today()).plusMonths(1).toString();
        byte[] sheet = workbook(List.of(
                new Object[] {"改革任务", "牵头单位", "完成时限", "标签", "状态", "销号日期", "进展百分比", "最新进展", "报告期"},
                new Object[] {"好的任务", unit, "2030-01-31", tag, "推进中", null, "40", "推进中", "2026-01"},
                new Object[] {"状态不明", unit, "2030-01-31", tag, "完成了"},
                new Object[] {"没有销号日期", unit, "2030-01-31", tag, "已销号"},
                new Object[] {"未销号却有日期", unit, "2030-01-31", tag, "推进中", "2026-01-05"},
                new Object[] {"进度超百", unit, "2030-01-31", tag, "推进中", null, "120", "超额", "2026-01"},
                new Object[] {"报告期未到", unit, "2030-01-31", tag, "推进中", null, "10", "刚起步", nextMonth},
                new Object[] {"缺进展", unit, "2030-01-31", tag, "推进中", null, "10"}));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet).post("/api/v1/tasks/sheet")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("rows[3]", "rows[4]", "rows[5]", "rows[6]", "rows[7]", "rows[8]"))
                .body("errors.field", org.hamcrest.Matchers.not(hasItem("rows[2]")))
                .body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("状态 '完成了' is not one of")))
                .body("errors.message", hasItem("已销号 needs its 销号日期"))
                .body("errors.message", hasItem("销号日期 is for 已销号 tasks only"))
                .body("errors.message", hasItem("进展百分比 '120' is not a whole number from 0 to 100"))
                .body("errors.message", hasItem("报告期 " + nextMonth + " is a month that has not begun"))
                .body("errors.message", hasItem("最新进展 is empty; a report needs 进展百分比、最新进展、报告期"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks")
                .then().body("total", equalTo(0));
    }

    @Test
    void everyBadRowIsReportedWithItsNumberAndNothingIsImported() throws IOException {
        String tag = "坏行-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        LedgerFixtures.person(lead, "HEAD", "主任" + tag);
        byte[] sheet = workbook(List.of(
                new Object[] {"改革任务", "牵头单位", "完成时限", "政策领域", "标签"},
                new Object[] {"好的任务", code(lead), "2030-01-31", "经济", tag},
                new Object[] {"", code(lead), "2030-01-31", "经济", tag},
                new Object[] {"未知单位的任务", "不存在的局", "2030-01-31", "经济", tag},
                new Object[] {"日期不对的任务", code(lead), "明年", "航天", tag}));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet)
                .post("/api/v1/tasks/sheet")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("rows[3]", "rows[4]", "rows[5]"))
                .body("errors.field", org.hamcrest.Matchers.not(hasItem("rows[2]")))
                .body("errors.message", hasItem("牵头单位 '不存在的局' is not a unit in the directory"))
                .body("errors.message", hasItem("改革任务 is empty"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks")
                .then().body("total", equalTo(0));
    }

    @Test
    void aFileThatIsNoTaskListIsRefusedAndOnlyTheOfficeImports() throws IOException {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body("not a workbook".getBytes())
                .post("/api/v1/tasks/sheet")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX)
                .body(workbook(List.<Object[]>of(new Object[] {"名称", "备注"}, new Object[] {"x", "y"})))
                .post("/api/v1/tasks/sheet")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("改革任务"));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(XLSX)
                .body(workbook(List.<Object[]>of(new Object[] {"改革任务"})))
                .post("/api/v1/tasks/sheet")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOfficerExportsOnlyTheirUnitsTasks() throws IOException {
        UUID mine = LedgerFixtures.unit("C", "DISTRICT");
        LedgerFixtures.task(mine, LocalDate.now().plusDays(40));
        LedgerFixtures.task(LedgerFixtures.unit("C", "DISTRICT"), LocalDate.now().plusDays(40));

        byte[] exported = given().auth().oauth2(TestTokens.unitOfficer(mine)).get("/api/v1/tasks/sheet")
                .then().statusCode(200).extract().asByteArray();
        assertThat(read(exported)).hasSize(2);
        given().auth().oauth2(TestTokens.unitOfficer(mine)).queryParam("leadUnit", UUID.randomUUID())
                .get("/api/v1/tasks/sheet").then().statusCode(403);
    }

    private static UUID ledgerTask(UUID lead, UUID person, String title, String tag) {
        return LedgerFixtures.task(Map.of("title", title, "leadUnitId", lead.toString(), "responsiblePersonId",
                person.toString(), "deadline", LocalDate.now().plusDays(200).toString(), "tags", List.of(tag)));
    }

    private static byte[] export(String tag) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks/sheet")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
    }

    private static List<String> row(List<List<String>> rows, String title) {
        return rows.stream().filter(r -> r.contains(title)).findFirst().orElseThrow();
    }

    private static void report(UUID task, YearMonth period, int percent, String narrative) {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("period", period.toString(), "percent", percent, "narrative", narrative))
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(201);
    }

    static byte[] workbook(List<Object[]> rows) {
        return Workbooks.write("分工方案", rows);
    }

    private static String code(UUID unit) {
        return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/units/{id}", unit).then().extract().path("code");
    }

    private static String name(UUID unit) {
        return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/units/{id}", unit).then().extract().path("name");
    }
}
