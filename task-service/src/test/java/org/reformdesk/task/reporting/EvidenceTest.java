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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Evidence files (佐证材料) on a monthly progress report. */
@QuarkusTest
class EvidenceTest {

    private static final String PDF_NAME = "3月进展佐证（会议纪要）.pdf";

    @Inject
    ServiceClock clock;

    @Test
    void aUnitAttachesAPdfAndAPhotoAndEveryReaderDownloadsThemAsAttached() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        String path = reported(unit);
        byte[] pdf = SampleFiles.pdf();
        byte[] png = SampleFiles.png();

        HttpResponse<String> attached = Upload.post(path, TestTokens.unitOfficer(unit), "file", PDF_NAME,
                "application/pdf", pdf);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String pdfId = id(attached);
        HttpResponse<String> photo = Upload.post(path, TestTokens.unitOfficer(unit), "file", "现场照片.png",
                "application/octet-stream", png);
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);

        given().auth().oauth2(TestTokens.reformOffice()).get(path).then().statusCode(200)
                .body("filename", contains(PDF_NAME, "现场照片.png"))
                .body("mediaType", contains("application/pdf", "image/png"))
                .body("size", contains(pdf.length, png.length));
        Response download = given().auth().oauth2(TestTokens.withRoles("leader-1", null, "leader")).get(path + "/" + pdfId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.asByteArray()).isEqualTo(pdf);
        assertThat(Upload.downloadName(download.header("Content-Disposition"))).isEqualTo(PDF_NAME);
        Response image = given().auth().oauth2(TestTokens.unitOfficer(unit)).get(path + "/" + id(photo));
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.asByteArray()).isEqualTo(png);
    }

    @Test
    void anOversizedOrDisguisedFileIsRefusedAndNothingIsStored() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        String path = reported(unit);
        String officer = TestTokens.unitOfficer(unit);
        byte[] oversized = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(SampleFiles.pdf(), 0, oversized, 0, 8);

        refused(Upload.post(path, officer, "file", "扫描件.pdf", "application/pdf", oversized), 413);
        refused(Upload.post(path, officer, "file", "整改报告.pdf", "application/pdf",
                SampleFiles.zipWith("setup.exe")), 415);
        refused(Upload.post(path, officer, "file", "整改报告.pdf", "application/pdf",
                "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1)),
                415);
        refused(Upload.post(path, officer, "file", "现场照片.pdf", "application/pdf", SampleFiles.png()), 415);
        refused(Upload.post(path, officer, "attachment", "整改报告.pdf", "application/pdf", SampleFiles.pdf()),
                400);

        given().auth().oauth2(officer).get(path).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherUnitNeitherAttachesNorSeesTheEvidence() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        String path = reported(unit);
        String evidence = id(Upload.post(path, TestTokens.unitOfficer(unit), "file", PDF_NAME, "application/pdf",
                SampleFiles.pdf()));
        String stranger = TestTokens.unitOfficer(LedgerFixtures.unit("A", "DEPARTMENT"));

        refused(Upload.post(path, stranger, "file", "冒名.pdf", "application/pdf", SampleFiles.pdf()), 403);
        given().auth().oauth2(stranger).get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(stranger).get(path + "/" + evidence).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).get(path).then().body("size()", equalTo(1));
    }

    @Test
    void aMonthWithoutAReportTakesNoEvidence() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));

        refused(Upload.post("/api/v1/tasks/" + task + "/reports/2020-01/evidence", TestTokens.unitOfficer(unit),
                "file", PDF_NAME, "application/pdf", SampleFiles.pdf()), 404);
    }

    /** The evidence address of this month's report on a new task of {@code unit}. */
    private String reported(UUID unit) {
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(200));
        String period = YearMonth.from(clock.today()).toString();
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("period", period, "percent", 30, "narrative", "召开专题会议，形成工作方案"))
                .post("/api/v1/tasks/{id}/reports", task).then().statusCode(201);
        return "/api/v1/tasks/" + task + "/reports/" + period + "/evidence";
    }

    private static void refused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private static String id(HttpResponse<String> response) {
        return JsonPath.from(response.body()).getString("id");
    }
}
