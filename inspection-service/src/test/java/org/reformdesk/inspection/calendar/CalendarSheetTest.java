package org.reformdesk.inspection.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.reformdesk.testing.TestTokens;
import org.reformdesk.testing.Workbooks;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.reformdesk.testing.Workbooks.read;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The office's holiday schedule as a sheet: uploaded to replace the year, downloaded to edit and upload again. */
@QuarkusTest
class CalendarSheetTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theOfficesSheetReplacesTheYearAndComesBackAsTheSameSheet() throws IOException {
        byte[] sheet = workbook(List.of(
                new Object[] {"2036年部分节假日安排"},
                new Object[] {"序号", "日期", "类型", "名称", "备注"},
                new Object[] {"1", LocalDate.of(2036, 1, 1), "节假日", "元旦"},
                new Object[] {"2", "2036年1月28日", "法定节假日", "春节"},
                new Object[] {"3", "2036/1/29", "节假日", "春节"},
                new Object[] {"4", "2036-01-26", "调休上班", "春节调休上班", "周六上班"},
                new Object[] {"5", LocalDate.of(2036, 10, 1), "节假日", null},
                new Object[] {"6", "2036-10-11", "补班"}));

        replace(2036, sheet).then().statusCode(200).body("changed", equalTo(true))
                .body("holidays", contains("2036-01-01", "2036-01-28", "2036-01-29", "2036-10-01"))
                .body("workingDays", contains("2036-01-26", "2036-10-11")).body("replacedBy", equalTo("office"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2036-01-28").then()
                .body("working", equalTo(false)).body("note", equalTo("春节"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2036-10-01").then()
                .body("note", equalTo("法定节假日"));

        byte[] downloaded = download(2036);
        List<List<String>> rows = read(downloaded);
        assertThat(rows.get(0)).containsExactly("日期", "星期", "类型", "名称");
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("2036-01-01", "星期二", "节假日", "元旦"),
                List.of("2036-01-26", "星期六", "调休上班", "春节调休上班"),
                List.of("2036-01-28", "星期一", "节假日", "春节"),
                List.of("2036-01-29", "星期二", "节假日", "春节"),
                List.of("2036-10-01", "星期三", "节假日", "法定节假日"),
                List.of("2036-10-11", "星期六", "调休上班", "调休上班"));

        // the download uploaded as it is changes nothing; edited, it is the year's new schedule
        replace(2036, downloaded).then().statusCode(200).body("changed", equalTo(false));
        List<Object[]> edited = new ArrayList<>();
        for (List<String> row : rows) {
            if (!row.get(0).equals("2036-10-11")) {
                edited.add(row.get(0).equals("2036-10-01") ? new Object[] {row.get(0), row.get(1), row.get(2), "国庆节"}
                        : row.toArray());
            }
        }
        replace(2036, workbook(edited)).then().statusCode(200).body("changed", equalTo(true))
                .body("workingDays", contains("2036-01-26"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2036-10-01").then()
                .body("note", equalTo("国庆节"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/2036-10-11").then()
                .body("exception", equalTo(false)).body("working", equalTo(false));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/years/2036/replacements")
                .then().body("", hasSize(2));
    }

    @Test
    void aSheetWithBadRowsNamesEachRowAndColumnAndChangesNothing() throws IOException {
        replace(2037, workbook(List.of(new Object[] {"日期", "类型"}, new Object[] {"2037-01-01", "节假日"})))
                .then().statusCode(200);

        replace(2037, workbook(List.of(
                new Object[] {"日期", "类型", "名称"},
                new Object[] {"2037-10-01", "节假日", "国庆节"},
                new Object[] {"2037-02-30", "节假日", "春节"},
                new Object[] {"2037-10-01", "节假日", "国庆节"},
                new Object[] {"2037-10-09", "调休上班", "国庆节调休上班"},
                new Object[] {"2037-09-26", "上学"},
                new Object[] {"2038-01-01", "节假日", "元旦"},
                new Object[] {null, "节假日", "无日期"}))).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("rows[3]", "rows[4]", "rows[5]", "rows[6]", "rows[7]",
                        "rows[8]"))
                .body("errors.field", not(hasItem("rows[2]")))
                .body("errors.message", hasItem("日期 '2037-02-30' is not a date such as 2037-10-01"))
                .body("errors.message", hasItem("日期 2037-10-01 is listed twice (also rows[2])"))
                .body("errors.message", hasItem("日期 2037-10-09 is a FRIDAY; a make-up working day (调休上班) falls on "
                        + "a Saturday or Sunday"))
                .body("errors.message", hasItem("类型 '上学' is neither 节假日 nor 调休上班"))
                .body("errors.message", hasItem("日期 2038-01-01 is not in 2037"))
                .body("errors.message", hasItem("日期 is empty"))
                .body("detail", org.hamcrest.Matchers.startsWith("6 of 7 rows cannot be used; the calendar is unchanged."));

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("year", 2037).get("/api/v1/working-calendar")
                .then().body("items.day", contains("2037-01-01"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/working-calendar/years/2037/replacements")
                .then().body("", hasSize(1));
    }

    @Test
    void onlyTheOfficeUploadsAndOnlyASheetWithTheColumnsIsRead() throws IOException {
        byte[] sheet = workbook(List.of(new Object[] {"日期", "类型"}, new Object[] {"2038-01-01", "节假日"}));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(XLSX).body(sheet)
                .put("/api/v1/working-calendar/years/2038").then().statusCode(403)
                .contentType("application/problem+json");
        replace(2038, "not a workbook".getBytes()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("body"));
        replace(2038, workbook(List.of(new Object[] {"日期", "备注"}, new Object[] {"2038-01-01", "元旦"}))).then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("日期、类型"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet)
                .put("/api/v1/working-calendar/years/1999").then().statusCode(400);

        assertThat(read(download(2038))).containsExactly(List.of("日期", "星期", "类型", "名称"));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID()))
                .get("/api/v1/working-calendar/years/2038/sheet").then().statusCode(200).contentType(XLSX);
    }

    private static Response replace(int year, byte[] sheet) {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet)
                .put("/api/v1/working-calendar/years/{year}", year);
    }

    private static byte[] download(int year) {
        Response response = given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/working-calendar/years/{year}/sheet", year);
        response.then().statusCode(200).contentType(XLSX);
        assertThat(response.header("Content-Disposition")).contains("attachment");
        return response.asByteArray();
    }

    static byte[] workbook(List<Object[]> rows) {
        return Workbooks.write("放假安排", rows);
    }
}
