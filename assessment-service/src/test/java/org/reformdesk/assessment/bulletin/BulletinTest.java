package org.reformdesk.assessment.bulletin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.assessment.live.RankChange;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A month closed with scored units, its bulletin downloaded as the office would and opened as Word opens it. */
@QuarkusTest
class BulletinTest {

    private static final String MONTH = "2039-04";

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
    void aClosedMonthsBulletinNamesItsRankingsItsLaggardAndItsLateWorkAndIsIssuedAgainOnAReclose() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String punctualName = "发展改革委" + suffix;
        String lateName = "市场监管局" + suffix;
        UUID punctual = fixtures.unit(AssessmentCategory.A, punctualName);
        UUID late = fixtures.unit(AssessmentCategory.A, lateName);
        UUID order = UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        closed("KM-2039-0007", "深化“放管服”改革", punctual, 20, 18);
        overdue("KM-2039-0011", "食品安全监管体制改革", late, 9);
        overdue("KM-2039-0012", "商事登记确认制改革", late, 14);
        fixtures.send(OrderIssued.of(order, Rung.REMINDER_NOTICE, "TASK", subject, "食品安全监管体制改革", late,
                LocalDate.of(2039, 4, 11), LocalDate.of(2039, 4, 16), "任务逾期未完成"), at(4, 11));
        fixtures.send(OrderEscalated.of(UUID.randomUUID(), order, Rung.ASSIGNMENT_NOTICE, "TASK", subject,
                "食品安全监管体制改革", late, LocalDate.of(2039, 4, 17), LocalDate.of(2039, 4, 22), null), at(4, 17));
        // −2 −2 for the overdue tasks, −0.5 for the reminder notice, −1 for its escalation
        Fixtures.awaitCard(late, MONTH, card -> card.body("score", equalTo(94.5f)));
        Fixtures.awaitCard(punctual, MONTH, card -> card.body("points.size()", equalTo(1)));
        otherUnitsOfTheMonth();

        clock.moveTo(LocalDate.of(2039, 5, 1).atTime(8, 0).atZone(clock.getZone()).toInstant());
        close("office");

        Response download = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/bulletins/{month}", MONTH);
        assertThat(download.statusCode()).isEqualTo(200);
        keepForAReader(download.asByteArray());
        assertThat(download.contentType()).isEqualTo(BulletinResource.DOCX);
        String disposition = download.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("关于2039年4月全面深化改革工作情况的通报.docx");

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download.asByteArray()))) {
            String text = text(document);
            assertThat(text).contains("市全面深化改革委员会办公室", "改革办通报〔2039〕4号",
                    "关于2039年4月全面深化改革\n工作情况的通报", "一月一会诊", lateName + "（A类第");
            XWPFTable figures = document.getTables().get(0);
            assertThat(cells(figures.getRow(0))).startsWith("类别", "参评单位", "销号任务", "按时销号");
            List<String> categoryA = cells(figures.getRow(1));
            assertThat(categoryA.get(0)).startsWith("A类");
            assertThat(Integer.parseInt(categoryA.get(2))).isGreaterThanOrEqualTo(1);
            assertThat(Integer.parseInt(categoryA.get(5))).isGreaterThanOrEqualTo(2);

            XWPFTable rankingA = document.getTables().get(1);
            assertThat(cells(rankingA.getRow(0))).containsExactly("名次", "单位", "得分", "名次变化", "一月一会诊");
            assertThat(row(rankingA, lateName)).containsExactly(row(rankingA, lateName).get(0), lateName, "94.50", "—",
                    RankChange.DIAGNOSIS_MARK);
            assertThat(row(rankingA, punctualName)).containsExactly("1", punctualName, "100.00", "—", "");

            XWPFTable overdue = table(document, "逾期任务数");
            assertThat(row(overdue, lateName)).startsWith(lateName, "A类", "2", "-4.00");
            assertThat(row(overdue, lateName).get(4)).contains("KM-2039-0011 食品安全监管体制改革",
                    "KM-2039-0012 商事登记确认制改革");
            XWPFTable supervision = table(document, "督办升级");
            assertThat(row(supervision, lateName)).startsWith(lateName, "A类", "1", "1", "-1.50");

            XWPFRun run = document.getTables().get(1).getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("Times New Roman");
        }

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 200).get("/api/v1/bulletins")
                .then().statusCode(200)
                .body("items.find { it.month == '" + MONTH + "' }.issuedBy", equalTo("office"))
                .body("items.find { it.month == '" + MONTH + "' }.title", equalTo("关于2039年4月全面深化改革工作情况的通报"));
        close("office-2");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 200).get("/api/v1/bulletins")
                .then().statusCode(200).body("items.find { it.month == '" + MONTH + "' }.issuedBy", equalTo("office-2"));
    }

    @Test
    void aMonthsFiguresByPolicyAreaCountATaskInEachOfItsAreas() throws IOException {
        String month = "2039-08";
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        UUID development = fixtures.unit(AssessmentCategory.A, "发展改革委" + suffix);
        UUID district = fixtures.unit(AssessmentCategory.C, "盘龙区" + suffix);
        fixtures.send(TaskClosed.of(UUID.randomUUID(), "KM-2039-0101", "要素市场化配置改革", development,
                LocalDate.of(2039, 8, 20), LocalDate.of(2039, 8, 18), List.of("经济")), at(8, 18));
        fixtures.send(TaskOverdue.of(UUID.randomUUID(), "KM-2039-0102", "公共资源交易平台整合", development,
                UUID.randomUUID(), LocalDate.of(2039, 8, 9), null, List.of("经济", "社会民生")), at(8, 10));
        fixtures.send(TaskClosed.of(UUID.randomUUID(), "KM-2039-0103", "社区养老服务改革", district,
                LocalDate.of(2039, 8, 10), LocalDate.of(2039, 8, 13), List.of("社会民生")), at(8, 13));
        // from a task-service older than policy areas in its events
        fixtures.send(TaskOverdue.of(UUID.randomUUID(), "KM-2039-0104", "河长制落实机制改革", district,
                UUID.randomUUID(), LocalDate.of(2039, 8, 5)), at(8, 6));
        Fixtures.awaitCard(development, month, card -> card.body("points.size()", equalTo(2)));
        Fixtures.awaitCard(district, month, card -> card.body("points.size()", equalTo(2)));

        clock.moveTo(LocalDate.of(2039, 9, 1).atTime(8, 0).atZone(clock.getZone()).toInstant());
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("month", month))
                .post("/api/v1/month-closes").then().statusCode(200);
        Response download = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/bulletins/{month}", month);

        assertThat(download.statusCode()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download.asByteArray()))) {
            assertThat(text(document)).contains("分政策领域情况如下（一项任务涉及多个领域的，在各领域分别计数）");
            XWPFTable areas = table(document, "政策领域");
            assertThat(cells(areas.getRow(0))).containsExactly("政策领域", "销号任务", "按时销号", "按时销号率",
                    "新增逾期任务");
            assertThat(row(areas, "经济")).containsExactly("经济", "1", "1", "100.0%", "1");
            assertThat(row(areas, "社会民生")).containsExactly("社会民生", "1", "0", "0.0%", "1");
            assertThat(cells(areas.getRow(areas.getRows().size() - 1)))
                    .containsExactly(BulletinContent.NO_AREA, "0", "0", "—", "1");
            assertThat(areas.getRows()).hasSize(4);
        }
    }

    @Test
    void aMonthNotClosedHasNoBulletinAndAMonthMustLookLikeOne() {
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/bulletins/{month}", "2039-06")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/bulletins/{month}", "2039-13")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/bulletins/{month}", MONTH).then().statusCode(401);
    }

    /**
     * Units of every category besides the two asserted on, so the bulletin has the shape of a real month's: ties at
     * the top, a late close, an overdue task in each category, a notice outside category A.
     */
    private void otherUnitsOfTheMonth() {
        UUID finance = fixtures.unit(AssessmentCategory.A, "市财政局");
        UUID education = fixtures.unit(AssessmentCategory.A, "市教育局");
        UUID statistics = fixtures.unit(AssessmentCategory.B, "市统计局");
        UUID archives = fixtures.unit(AssessmentCategory.B, "市档案局");
        UUID xishan = fixtures.unit(AssessmentCategory.C, "西山区");
        UUID guandu = fixtures.unit(AssessmentCategory.C, "官渡区");
        closed("KM-2039-0003", "预算管理制度改革", finance, 15, 12);
        overdue("KM-2039-0015", "国有资本经营预算制度改革", finance, 24);
        closed("KM-2039-0021", "县域义务教育优质均衡发展改革", education, 28, 26);
        closed("KM-2039-0022", "职业教育产教融合改革", education, 30, 29);
        closed("KM-2039-0031", "统计数据质量责任制改革", statistics, 25, 21);
        overdue("KM-2039-0034", "档案数字化管理改革", archives, 12);
        fixtures.send(OrderIssued.of(UUID.randomUUID(), Rung.REMINDER_NOTICE, "TASK", UUID.randomUUID(),
                "档案数字化管理改革", archives, LocalDate.of(2039, 4, 14), LocalDate.of(2039, 4, 19), "任务逾期未完成"),
                at(4, 14));
        closed("KM-2039-0041", "城中村改造机制改革", xishan, 20, 16);
        closed("KM-2039-0042", "基层社会治理改革", xishan, 27, 27);
        UUID lateClose = UUID.randomUUID();
        fixtures.send(TaskOverdue.of(lateClose, "KM-2039-0045", "农村集体产权制度改革", guandu, UUID.randomUUID(),
                LocalDate.of(2039, 4, 10)), at(4, 11));
        fixtures.send(TaskClosed.of(lateClose, "KM-2039-0045", "农村集体产权制度改革", guandu,
                LocalDate.of(2039, 4, 10), LocalDate.of(2039, 4, 13)), at(4, 13));
        Fixtures.awaitCard(finance, MONTH, card -> card.body("points.size()", equalTo(2)));
        Fixtures.awaitCard(education, MONTH, card -> card.body("points.size()", equalTo(2)));
        Fixtures.awaitCard(statistics, MONTH, card -> card.body("points.size()", equalTo(1)));
        Fixtures.awaitCard(archives, MONTH, card -> card.body("points.size()", equalTo(2)));
        Fixtures.awaitCard(xishan, MONTH, card -> card.body("points.size()", equalTo(2)));
        Fixtures.awaitCard(guandu, MONTH, card -> card.body("points.size()", equalTo(2)));
    }

    private void closed(String code, String title, UUID unit, int deadlineDay, int closedDay) {
        fixtures.send(TaskClosed.of(UUID.randomUUID(), code, title, unit, LocalDate.of(2039, 4, deadlineDay),
                LocalDate.of(2039, 4, closedDay)), at(4, closedDay));
    }

    private void overdue(String code, String title, UUID unit, int deadlineDay) {
        fixtures.send(TaskOverdue.of(UUID.randomUUID(), code, title, unit, UUID.randomUUID(),
                LocalDate.of(2039, 4, deadlineDay)), at(4, deadlineDay + 1));
    }

    /** A copy of the downloaded bulletin under target/bulletins, for a reader to open or render. */
    private static void keepForAReader(byte[] docx) throws IOException {
        Path kept = Path.of("target", "bulletins", MONTH + ".docx");
        Files.createDirectories(kept.getParent());
        Files.write(kept, docx);
    }

    private static void close(String who) {
        given().auth().oauth2(TestTokens.withRoles(who, null, "reform-office")).contentType(ContentType.JSON)
                .body(Map.of("month", MONTH)).post("/api/v1/month-closes").then().statusCode(200);
    }

    private static OffsetDateTime at(int month, int day) {
        return OffsetDateTime.of(2039, month, day, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    }

    private static String text(XWPFDocument document) {
        StringBuilder text = new StringBuilder();
        for (XWPFParagraph paragraph : document.getParagraphs()) {
            text.append(paragraph.getText()).append('\n');
        }
        return text.toString();
    }

    private static XWPFTable table(XWPFDocument document, String header) {
        return document.getTables().stream().filter(t -> cells(t.getRow(0)).contains(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no table headed " + header));
    }

    private static List<String> row(XWPFTable table, String unit) {
        return table.getRows().stream().map(BulletinTest::cells).filter(cells -> cells.contains(unit)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + unit));
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(cell -> cell.getText().strip()).toList();
    }
}
