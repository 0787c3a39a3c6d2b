package org.reformdesk.task.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;
import org.reformdesk.testing.Upload;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
        byte[] pdf = pdf();
        byte[] png = png();

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
        assertThat(downloadName(download.header("Content-Disposition"))).isEqualTo(PDF_NAME);
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
        System.arraycopy(pdf(), 0, oversized, 0, 8);

        refused(Upload.post(path, officer, "file", "扫描件.pdf", "application/pdf", oversized), 413);
        refused(Upload.post(path, officer, "file", "整改报告.pdf", "application/pdf", zipWith("setup.exe")), 415);
        refused(Upload.post(path, officer, "file", "整改报告.pdf", "application/pdf",
                "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1)),
                415);
        refused(Upload.post(path, officer, "file", "现场照片.pdf", "application/pdf", png()), 415);
        refused(Upload.post(path, officer, "attachment", "整改报告.pdf", "application/pdf", pdf()), 400);

        given().auth().oauth2(officer).get(path).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherUnitNeitherAttachesNorSeesTheEvidence() throws IOException {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        String path = reported(unit);
        String evidence = id(Upload.post(path, TestTokens.unitOfficer(unit), "file", PDF_NAME, "application/pdf",
                pdf()));
        String stranger = TestTokens.unitOfficer(LedgerFixtures.unit("A", "DEPARTMENT"));

        refused(Upload.post(path, stranger, "file", "冒名.pdf", "application/pdf", pdf()), 403);
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
                "file", PDF_NAME, "application/pdf", pdf()), 404);
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
        return io.restassured.path.json.JsonPath.from(response.body()).getString("id");
    }

    /** The name a browser saves the download as: RFC 5987's filename*, UTF-8 and percent-encoded. */
    private static String downloadName(String disposition) {
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A one-page PDF that readers open. */
    static byte[] pdf() {
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A small photo, as a camera app would save it. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xC8102E);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static byte[] zipWith(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("MZ".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
