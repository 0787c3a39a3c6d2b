package org.reformdesk.task.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.SampleFiles;
import org.reformdesk.testing.TestTokens;
import org.reformdesk.testing.Upload;
import org.reformdesk.testing.Upload.Part;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A unit files the month's report and its evidence files (佐证材料) in one request: all stored, or none. */
@QuarkusTest
class FilingWithEvidenceTest {

    private static final String MINUTES = "3月专题会议纪要.pdf";
    private static final String PHOTO = "现场推进照片.png";

    @Inject
    ServiceClock clock;

    @Test
    void theReportAndItsFilesAreFiledTogetherAndReadBackThroughGet() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();
        byte[] pdf = SampleFiles.pdf();
        byte[] png = SampleFiles.png();

        HttpResponse<String> filed = Upload.post(reports(task), TestTokens.unitOfficer(unit),
                form(period, "60", "完成试点方案起草，召开专题会议", List.of(
                        Part.file("file", MINUTES, "application/pdf", pdf),
                        Part.file("file", PHOTO, "application/octet-stream", png))));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(filed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/v1/tasks/" + task + "/reports/" + period));
        JsonPath body = JsonPath.from(filed.body());
        assertThat(body.getInt("percent")).isEqualTo(60);
        assertThat(body.getString("narrative")).isEqualTo("完成试点方案起草，召开专题会议");
        given().auth().oauth2(TestTokens.reformOffice()).get(reports(task) + "/" + period).then().statusCode(200)
                .body("percent", equalTo(60)).body("problems", equalTo("配套资金未到位"))
                .body("reportedBy", equalTo("officer-" + unit.toString().substring(0, 8)));
        String evidence = reports(task) + "/" + period + "/evidence";
        JsonPath files = given().auth().oauth2(TestTokens.reformOffice()).get(evidence).then().statusCode(200)
                .body("filename", contains(MINUTES, PHOTO)).body("mediaType", contains("application/pdf", "image/png"))
                .extract().jsonPath();
        Response download = given().auth().oauth2(TestTokens.unitOfficer(unit))
                .get(evidence + "/" + files.getString("[0].id"));
        assertThat(download.asByteArray()).isEqualTo(pdf);
        assertThat(Upload.downloadName(download.header("Content-Disposition"))).isEqualTo(MINUTES);
    }

    @Test
    void aRefusedFileLeavesNoReport() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();
        String officer = TestTokens.unitOfficer(unit);
        byte[] oversized = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(SampleFiles.pdf(), 0, oversized, 0, 8);

        refused(Upload.post(reports(task), officer, form(period, "40", "推进中", List.of(
                Part.file("file", MINUTES, "application/pdf", SampleFiles.pdf()),
                Part.file("file", "扫描件.pdf", "application/pdf", oversized)))), 413);
        refused(Upload.post(reports(task), officer, form(period, "40", "推进中", List.of(
                Part.file("file", MINUTES, "application/pdf", SampleFiles.pdf()),
                Part.file("file", "整改报告.pdf", "application/pdf", SampleFiles.zipWith("setup.exe"))))), 415);

        given().auth().oauth2(officer).get(reports(task)).then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(officer).get(reports(task) + "/" + period + "/evidence").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRefusedReportLeavesNoFile() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();
        String officer = TestTokens.unitOfficer(unit);
        List<Part> minutes = List.of(Part.file("file", MINUTES, "application/pdf", SampleFiles.pdf()));

        HttpResponse<String> outOfRange = Upload.post(reports(task), officer, form(period, "120", "推进中", minutes));
        refused(outOfRange, 400);
        assertThat(JsonPath.from(outOfRange.body()).getList("errors.field")).containsExactly("percent");
        HttpResponse<String> noNarrative = Upload.post(reports(task), officer, form(period, "40", null, minutes));
        refused(noNarrative, 400);
        assertThat(JsonPath.from(noNarrative.body()).getList("errors.field")).containsExactly("narrative");
        String nextMonth = YearMonth.from(clock.today()).plusMonths(1).toString();
        refused(Upload.post(reports(task), officer, form(nextMonth, "40", "推进中", minutes)), 400);
        // the task's lead unit only: another unit's officer files nothing, not even the files
        refused(Upload.post(reports(task), TestTokens.unitOfficer(LedgerFixtures.unit("A", "DEPARTMENT")),
                form(period, "40", "冒名报告", minutes)), 403);
        // a partner's system files reports, but evidence comes from the unit, as on the evidence address
        refused(Upload.post(reports(task), TestTokens.partner("progress:write"), form(period, "40", "推进中", minutes)),
                403);

        given().auth().oauth2(TestTokens.reformOffice()).get(reports(task)).then().statusCode(200)
                .body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.reformOffice()).get(reports(task) + "/" + period + "/evidence")
                .then().statusCode(404);
    }

    @Test
    void aSecondFilingWithFilesUpdatesTheMonthAndAddsItsFiles() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("period", period, "percent", 30, "narrative", "召开专题会议，形成工作方案"))
                .post(reports(task)).then().statusCode(201);

        HttpResponse<String> updated = Upload.post(reports(task), TestTokens.unitOfficer(unit),
                form(period, "50", "方案报审", List.of(Part.file("file", PHOTO, "image/png", SampleFiles.png()))));

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        given().auth().oauth2(TestTokens.reformOffice()).get(reports(task) + "/" + period).then()
                .body("revision", equalTo(2)).body("percent", equalTo(50)).body("revisions.percent", contains(30, 50));
        given().auth().oauth2(TestTokens.reformOffice()).get(reports(task) + "/" + period + "/evidence").then()
                .body("filename", contains(PHOTO));
    }

    private static String reports(UUID task) {
        return "/api/v1/tasks/" + task + "/reports";
    }

    private static List<Part> form(String period, String percent, String narrative, List<Part> files) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text("period", period));
        parts.add(Part.text("percent", percent));
        if (narrative != null) {
            parts.add(Part.text("narrative", narrative));
        }
        parts.add(Part.text("problems", "配套资金未到位"));
        parts.add(Part.text("nextSteps", "提请市政府常务会议审议"));
        parts.addAll(files);
        return parts;
    }

    private static void refused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }
}
