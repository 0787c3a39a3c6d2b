package org.reformdesk.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The supervision orders and the rectification list as the .xlsx sheets offices open. */
@QuarkusTest
class SheetsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String INSPECTOR = TestTokens.withRoles("inspector-zhao", null, "inspector");

    @Inject
    ServiceClock clock;

    @Test
    void ordersComeOutWithTheirRungInChineseAndAUnitOfficerGetsTheirUnitsOnly() throws IOException {
        UUID unit = UUID.randomUUID();
        issue(unit, "推进户籍制度改革", null);
        String closed = issue(unit, "深化国资国企改革", "URGING_NOTICE");
        issue(UUID.randomUUID(), "另一单位的督办事项", null);
        move(TestTokens.unitOfficer(unit), closed, "ANSWER", "已完成整改");
        move(TestTokens.reformOffice(), closed, "ACCEPT", null);

        byte[] sheet = given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/orders.xlsx")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();

        List<List<String>> rows = read(sheet);
        assertThat(rows.get(0)).startsWith("督办层级", "督办类别", "责任单位", "督办事项", "签发日期", "答复期限", "状态",
                "是否逾期", "办结日期");
        assertThat(rows).hasSize(3);
        String today = clock.today().toString();
        List<String> answered = row(rows, "深化国资国企改革");
        assertThat(answered.subList(0, 5)).containsExactly("催办单", "督办单", unit.toString(), "深化国资国企改革", today);
        assertThat(answered.get(5)).isGreaterThan(today);
        assertThat(answered.subList(6, 9)).containsExactly("已办结", "否", today);
        assertThat(row(rows, "推进户籍制度改革")).startsWith("提示单").contains("已签发");

        byte[] filtered = given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit)
                .queryParam("rung", "URGING_NOTICE").get("/api/v1/orders.xlsx")
                .then().statusCode(200).extract().asByteArray();
        assertThat(read(filtered)).hasSize(2);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("unit", UUID.randomUUID())
                .get("/api/v1/orders.xlsx").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("rung", "TOP").get("/api/v1/orders.xlsx")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rectificationItemsComeOutWithTheirFindingAndLatestReport() throws IOException {
        UUID unit = UUID.randomUUID();
        String inspection = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("title", "第二季度改革督察", "type", "QUARTERLY", "method", "ON_SITE",
                        "scope", "各区县", "startsOn", "2027-04-01", "endsOn", "2027-04-10",
                        "inspectors", List.of("赵督察")))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        String finding = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "政务服务事项未按时进驻大厅", "severity", "MAJOR", "unitId", unit.toString()))
                .post("/api/v1/inspections/{id}/findings", inspection).then().statusCode(201).extract().path("id");
        String due = clock.today().plusDays(30).toString();
        String item = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "月底前完成事项进驻", "dueOn", due))
                .post("/api/v1/findings/{id}/rectification-items", finding).then().statusCode(201).extract().path("id");
        for (String content : List.of("已进驻一半事项", "已全部进驻")) {
            given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                    .body(Map.of("content", content)).post("/api/v1/rectification-items/{id}/reports", item)
                    .then().statusCode(200);
        }

        byte[] sheet = given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/rectification-items.xlsx")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();

        List<List<String>> rows = read(sheet);
        assertThat(rows.get(0)).containsExactly("发现问题", "整改事项", "责任单位", "整改时限", "状态", "是否逾期", "最新整改报告",
                "报告时间");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("政务服务事项未按时进驻大厅", "月底前完成事项进驻", unit.toString(), due,
                "已报告待复查", "否", "已全部进驻", clock.today().toString());
        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("unit", UUID.randomUUID())
                .get("/api/v1/rectification-items.xlsx").then().statusCode(403);
    }

    private static String issue(UUID unit, String title, String rung) {
        Map<String, Object> order = new HashMap<>();
        order.put("subjectType", "TASK");
        order.put("subjectId", UUID.randomUUID().toString());
        order.put("subjectTitle", title);
        order.put("targetUnitId", unit.toString());
        order.put("basis", "市委书记批示：请改革办督促落实");
        if (rung != null) {
            order.put("rung", rung);
        }
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(order)
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private static void move(String token, String order, String action, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (note != null) {
            body.put("note", note);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/orders/{id}/transitions", order).then().statusCode(200);
    }

    private static List<String> row(List<List<String>> rows, String subject) {
        return rows.stream().filter(r -> r.contains(subject)).findFirst().orElseThrow();
    }

    /** Through a file: java.util.zip's stream reader refuses the entries FastExcel writes. */
    private static List<List<String>> read(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("sheet", ".xlsx");
        try {
            Files.write(file, xlsx);
            List<List<String>> rows = new ArrayList<>();
            try (ReadableWorkbook book = new ReadableWorkbook(file.toFile())) {
                for (Row row : book.getFirstSheet().read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(row.getCellText(c));
                    }
                    rows.add(cells);
                }
            }
            return rows;
        } finally {
            Files.delete(file);
        }
    }
}
