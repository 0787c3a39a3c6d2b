package org.reformdesk.inspection.inspections;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.SampleFiles;
import org.reformdesk.testing.TestTokens;
import org.reformdesk.testing.Upload;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Evidence files (佐证材料) on a unit's rectification report (整改报告). */
@QuarkusTest
class EvidenceTest {

    private static final String INSPECTOR = TestTokens.withRoles("inspector-1", null, "inspector");
    private static final String PHOTO_NAME = "整改后现场照片（窗口公示栏）.png";

    @Inject
    ServiceClock clock;

    @Test
    void theUnitAttachesAPhotoAndAPdfAndTheInspectorDownloadsThemAsAttached() throws IOException {
        UUID unit = UUID.randomUUID();
        String path = reported(unit);
        byte[] png = SampleFiles.png();
        byte[] pdf = SampleFiles.pdf();

        HttpResponse<String> photo = Upload.post(path, TestTokens.unitOfficer(unit), "file", PHOTO_NAME,
                "image/png", png);
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);
        HttpResponse<String> minutes = Upload.post(path, TestTokens.reformOffice(), "file", "整改会议纪要.pdf",
                "application/octet-stream", pdf);
        assertThat(minutes.statusCode()).as(minutes.body()).isEqualTo(201);

        given().auth().oauth2(INSPECTOR).get(path).then().statusCode(200)
                .body("filename", contains(PHOTO_NAME, "整改会议纪要.pdf"))
                .body("mediaType", contains("image/png", "application/pdf"))
                .body("uploadedBy", contains("officer-" + unit.toString().substring(0, 8), "office"));
        Response download = given().auth().oauth2(INSPECTOR).get(path + "/" + id(photo));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.asByteArray()).isEqualTo(png);
        assertThat(Upload.downloadName(download.header("Content-Disposition"))).isEqualTo(PHOTO_NAME);
        Response document = given().auth().oauth2(TestTokens.unitOfficer(unit)).get(path + "/" + id(minutes));
        assertThat(document.contentType()).isEqualTo("application/pdf");
        assertThat(document.asByteArray()).isEqualTo(pdf);
    }

    @Test
    void anOversizedOrDisguisedFileIsRefusedAndNothingIsStored() throws IOException {
        UUID unit = UUID.randomUUID();
        String path = reported(unit);
        String officer = TestTokens.unitOfficer(unit);
        byte[] oversized = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(SampleFiles.pdf(), 0, oversized, 0, 8);

        refused(Upload.post(path, officer, "file", "扫描件.pdf", "application/pdf", oversized), 413);
        refused(Upload.post(path, officer, "file", "整改报告.pdf", "application/pdf",
                SampleFiles.zipWith("setup.exe")), 415);
        refused(Upload.post(path, officer, "file", "整改方案.docx", "application/pdf", SampleFiles.pdf()), 415);

        given().auth().oauth2(officer).get(path).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherUnitNeitherAttachesNorSeesTheEvidence() throws IOException {
        UUID unit = UUID.randomUUID();
        String path = reported(unit);
        String evidence = id(Upload.post(path, TestTokens.unitOfficer(unit), "file", PHOTO_NAME, "image/png",
                SampleFiles.png()));
        String stranger = TestTokens.unitOfficer(UUID.randomUUID());

        refused(Upload.post(path, stranger, "file", "冒名.pdf", "application/pdf", SampleFiles.pdf()), 403);
        given().auth().oauth2(stranger).get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(stranger).get(path + "/" + evidence).then().statusCode(403)
                .contentType("application/problem+json");
        refused(Upload.post(path, INSPECTOR, "file", "督察照片.png", "image/png", SampleFiles.png()), 403);
        given().auth().oauth2(TestTokens.reformOffice()).get(path).then().body("size()", equalTo(1));
    }

    @Test
    void aReportOfAnotherItemIsNotFoundThroughThisOne() throws IOException {
        UUID unit = UUID.randomUUID();
        String path = reported(unit);
        String otherItem = item(unit);

        String elsewhere = path.replaceFirst("rectification-items/[^/]+/", "rectification-items/" + otherItem + "/");
        refused(Upload.post(elsewhere, TestTokens.unitOfficer(unit), "file", PHOTO_NAME, "image/png",
                SampleFiles.png()), 404);
    }

    /** The evidence address of a new rectification report of {@code unit}. */
    private String reported(UUID unit) {
        String item = item(unit);
        String report = given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("content", "已在政务服务大厅公示审批事项清单"))
                .post("/api/v1/rectification-items/{id}/reports", item)
                .then().statusCode(200).extract().path("reports[0].id");
        return "/api/v1/rectification-items/" + item + "/reports/" + report + "/evidence";
    }

    private String item(UUID unit) {
        String inspection = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("title", "季度督察", "type", "QUARTERLY", "method", "ON_SITE", "scope", "牵头单位",
                        "startsOn", clock.today().toString(), "endsOn", clock.today().plusDays(10).toString(),
                        "inspectors", List.of("王督察")))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        String finding = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "审批事项清单未按时公开", "severity", "MAJOR", "unitId", unit.toString()))
                .post("/api/v1/inspections/{id}/findings", inspection).then().statusCode(201).extract().path("id");
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "公开审批事项清单", "dueOn", clock.today().plusDays(30).toString()))
                .post("/api/v1/findings/{id}/rectification-items", finding)
                .then().statusCode(201).extract().path("id");
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
