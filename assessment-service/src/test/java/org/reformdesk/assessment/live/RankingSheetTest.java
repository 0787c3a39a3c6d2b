package org.reformdesk.assessment.live;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A month's rankings downloaded as Excel and read back as the office's spreadsheet would read them. */
@QuarkusTest
class RankingSheetTest {

    private static Fixtures fixtures;

    @Inject
    ServiceClock clock;

    @BeforeAll
    static void connect() {
        fixtures = new Fixtures();
    }

    @AfterAll
    static void disconnect() {
        fixtures.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aMonthsRankingsReadBackSheetBySheetLiveThenFrozenWithTheMoveSinceTheMonthBefore() throws IOException {
        String name = "五华区" + UUID.randomUUID().toString().substring(0, 4);
        UUID late = fixtures.unit(AssessmentCategory.C, name);
        fixtures.unit(AssessmentCategory.C, "盘龙区");
        fixtures.send(TaskOverdue.of(UUID.randomUUID(), "KM-2040-0031", "城市管理综合执法改革", late, UUID.randomUUID(),
                LocalDate.of(2040, 3, 9)), OffsetDateTime.of(2040, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        Fixtures.awaitCard(late, "2040-03", card -> card.body("score", equalTo(98.0f)));

        Response live = download("2040-03");
        assertThat(fileName(live)).isEqualTo("2040年3月考核排名（实时）.xlsx");
        List<String> row = row(live.asByteArray(), "C类", name);
        assertThat(row.subList(2, 6)).containsExactly(name, "98", "—", "");

        clock.moveTo(LocalDate.of(2040, 4, 1).atTime(9, 0).atZone(clock.getZone()).toInstant());
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("month", "2040-03"))
                .post("/api/v1/month-closes").then().statusCode(200);
        Response frozen = download("2040-03");
        assertThat(fileName(frozen)).isEqualTo("2040年3月考核排名.xlsx");
        List<String> flagged = row(frozen.asByteArray(), "C类", name);
        assertThat(flagged.get(5)).isEqualTo(RankChange.DIAGNOSIS_MARK);
        int lastPlace = Integer.parseInt(flagged.get(0));

        List<String> after = row(download("2040-04").asByteArray(), "C类", name);
        assertThat(after.get(0)).isEqualTo("1");
        assertThat(after.get(4)).isEqualTo("上升" + (lastPlace - 1) + "位");

        String sheetXml = entry(frozen.asByteArray(), "xl/worksheets/sheet3.xml");
        assertThat(sheetXml).contains("state=\"frozen\"").contains("<autoFilter ref=\"A1:F").contains("<col ");
    }

    @Test
    void aSheetMonthMustLookLikeOne() {
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/rankings/2040-13.xlsx")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/rankings/2040-03.xlsx").then().statusCode(401);
    }

    private static Response download(String month) {
        Response response = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/rankings/" + month + ".xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(RankingSheet.MEDIA_TYPE);
        return response;
    }

    private static String fileName(Response response) {
        String disposition = response.header("Content-Disposition");
        return URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
    }

    /** The unit's row of the category's sheet, each cell as its text; the header row must be the sheet's headers. */
    private static List<String> row(byte[] workbook, String sheetName, String unit) throws IOException {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getSheets().map(Sheet::getName)).containsExactly("A类", "B类", "C类");
            List<Row> rows = book.findSheet(sheetName).orElseThrow().read();
            assertThat(texts(rows.get(0))).isEqualTo(RankingSheet.HEADERS);
            List<String> cells = rows.stream().skip(1).map(RankingSheetTest::texts).filter(texts -> texts.contains(unit))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + unit));
            // an empty cell at the row's end is not written, as Excel leaves it
            List<String> padded = new ArrayList<>(cells);
            while (padded.size() < RankingSheet.HEADERS.size()) {
                padded.add("");
            }
            return padded;
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(cell -> cell == null ? "" : cell.getValue() instanceof BigDecimal number
                ? number.stripTrailingZeros().toPlainString() : cell.getText()).toList();
    }

    /** An entry as the central directory lists it (how Excel reads the file), not as a stream reader meets it. */
    private static String entry(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile("rankings", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
