package org.reformdesk.inspection.inspections;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.RectificationDueSoon;
import org.reformdesk.events.Topics;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class InspectionFlowTest {

    private static final String INSPECTOR = TestTokens.withRoles("inspector-wang", null, "inspector");

    private static EventProbe probe;

    @Inject
    ServiceClock clock;

    @Inject
    RectificationSweep sweep;

    @BeforeAll
    static void connect() {
        probe = EventProbe.on(Topics.SUPERVISION);
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aFindingIsRectifiedReportedReopenedAndVerifiedAndEachMissedDeadlineIsSignalledOnce() {
        at(LocalDate.of(2027, 6, 1));
        UUID unit = UUID.randomUUID();
        String inspection = inspection().then().statusCode(201)
                .body("type", equalTo("QUARTERLY")).body("inspectors", contains("王督察", "李督察"))
                .extract().path("id");
        String finding = finding(inspection, unit).then().statusCode(201).body("severity", equalTo("MAJOR"))
                .extract().path("id");
        String item = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "6月10日前完成审批事项清单公开", "dueOn", "2027-06-10"))
                .post("/api/v1/findings/{id}/rectification-items", finding)
                .then().statusCode(201).body("state", equalTo("RECTIFYING")).body("unitId", equalTo(unit.toString()))
                .extract().path("id");

        at(LocalDate.of(2027, 6, 11));
        sweep.sweep();
        sweep.sweep();
        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("overdue", true)
                .get("/api/v1/rectification-items").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(item));

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("content", "已在政务网公开清单", "evidence", "https://example.gov.cn/qd"))
                .post("/api/v1/rectification-items/{id}/reports", item)
                .then().statusCode(200).body("state", equalTo("REPORTED")).body("reports", hasSize(1));
        reInspect(item, Map.of("outcome", "REOPENED", "note", "清单不完整", "newDueOn", "2027-06-20"))
                .then().statusCode(200).body("state", equalTo("RECTIFYING")).body("reopened", equalTo(1))
                .body("dueOn", equalTo("2027-06-20")).body("overdue", equalTo(false));

        at(LocalDate.of(2027, 6, 21));
        sweep.sweep();
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("content", "已补全清单")).post("/api/v1/rectification-items/{id}/reports", item)
                .then().statusCode(200);
        reInspect(item, Map.of("outcome", "VERIFIED", "note", "整改到位")).then().statusCode(200)
                .body("state", equalTo("VERIFIED")).body("overdue", equalTo(false))
                .body("reInspections.outcome", contains("REOPENED", "VERIFIED"));
        at(LocalDate.of(2027, 7, 1));
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe.matching(r ->
                "reform.supervision.rectification-overdue.v1".equals(r.type()) && r.data().contains(item)))
                .extracting(EventProbe.Recorded::data)
                .satisfiesExactlyInAnyOrder(d -> assertThat(d).contains("2027-06-10"),
                        d -> assertThat(d).contains("2027-06-20")));
    }

    @Test
    void anItemIsRemindedOnceAtEachOffsetBeforeItsDeadlineWhileTheUnitIsStillRectifying() {
        at(LocalDate.of(2028, 3, 1));
        UUID unit = UUID.randomUUID();
        String finding = finding(inspection().then().statusCode(201).extract().path("id"), unit)
                .then().statusCode(201).extract().path("id");
        String rectifying = item(finding, "2028-03-20");
        String reported = item(finding, "2028-03-20");

        at(LocalDate.of(2028, 3, 13));
        sweep.sweep();
        sweep.sweep();
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("content", "已提前完成整改")).post("/api/v1/rectification-items/{id}/reports", reported)
                .then().statusCode(200);
        at(LocalDate.of(2028, 3, 15));
        assertThat(sweep.sweep().dueSoon()).isZero();
        at(LocalDate.of(2028, 3, 18));
        sweep.sweep();
        at(LocalDate.of(2028, 3, 20));
        sweep.sweep();

        await().atMost(Duration.ofSeconds(15)).until(() -> dueSoon(rectifying).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> dueSoon(rectifying).size() == 3
                && dueSoon(reported).size() == 1);
        assertThat(dueSoon(rectifying)).extracting(RectificationDueSoon::daysLeft).containsExactly(7, 2, 0);
        assertThat(dueSoon(rectifying)).allSatisfy(due -> {
            assertThat(due.unitId()).isEqualTo(unit);
            assertThat(due.dueOn()).isEqualTo(LocalDate.of(2028, 3, 20));
        });
    }

    @Test
    void aFindingWhoseRectificationFailedReInspectionIsHeldToAccount() {
        at(LocalDate.of(2027, 6, 1));
        UUID unit = UUID.randomUUID();
        String finding = finding(inspection().then().extract().path("id"), unit).then().extract().path("id");
        String item = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "整改台账", "dueOn", "2027-06-15"))
                .post("/api/v1/findings/{id}/rectification-items", finding).then().extract().path("id");

        accountability("FINDING", finding).then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("content", "已整改")).post("/api/v1/rectification-items/{id}/reports", item);
        reInspect(item, Map.of("outcome", "REOPENED", "note", "未整改到位", "newDueOn", "2027-06-30"))
                .then().statusCode(200);
        String record = accountability("FINDING", finding).then().statusCode(201)
                .body("unitId", equalTo(unit.toString())).body("measureLabel", equalTo("约谈"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/accountability-records")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(record));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).get("/api/v1/accountability-records/{id}",
                record).then().statusCode(403);
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.matching(r ->
                "reform.supervision.accountability-recorded.v1".equals(r.type()) && r.data().contains(record))
                .size() == 1);
    }

    @Test
    void badInspectionsFindingsAndItemsAreRefusedAndCreateNothing() {
        Map<String, Object> backwards = inspectionBody();
        backwards.put("endsOn", "2027-05-01");
        given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(backwards).post("/api/v1/inspections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> noInspectors = inspectionBody();
        noInspectors.put("inspectors", List.of());
        given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(noInspectors).post("/api/v1/inspections")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(inspectionBody()).post("/api/v1/inspections").then().statusCode(403);

        String inspection = inspection().then().extract().path("id");
        given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "问题", "severity", "CATASTROPHIC", "unitId", UUID.randomUUID().toString()))
                .post("/api/v1/inspections/{id}/findings", inspection).then().statusCode(400);
        finding(UUID.randomUUID().toString(), UUID.randomUUID()).then().statusCode(404);
        UUID unit = UUID.randomUUID();
        String finding = finding(inspection, unit).then().extract().path("id");
        given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "整改", "dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
                .post("/api/v1/findings/{id}/rectification-items", finding).then().statusCode(400)
                .body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("finding", finding)
                .get("/api/v1/rectification-items").then().body("total", equalTo(0));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("inspection", inspection)
                .get("/api/v1/findings").then().body("total", equalTo(1));
    }

    @Test
    void unitsSeeAndReportOnlyTheirOwnRectifications() {
        UUID unit = UUID.randomUUID();
        String finding = finding(inspection().then().extract().path("id"), unit).then().extract().path("id");
        String item = given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "整改", "dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)
                        .toString())).post("/api/v1/findings/{id}/rectification-items", finding)
                .then().statusCode(201).extract().path("id");
        String other = TestTokens.unitOfficer(UUID.randomUUID());

        given().auth().oauth2(other).get("/api/v1/findings/{id}", finding).then().statusCode(403);
        given().auth().oauth2(other).get("/api/v1/rectification-items/{id}", item).then().statusCode(403);
        given().auth().oauth2(other).queryParam("unit", unit).get("/api/v1/rectification-items")
                .then().statusCode(403);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("content", "冒名报告"))
                .post("/api/v1/rectification-items/{id}/reports", item).then().statusCode(403);
        reInspect(item, Map.of("outcome", "VERIFIED", "note", "未报先验")).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/rectification-items/{id}", item)
                .then().statusCode(200).body("state", equalTo("RECTIFYING")).body("reports", hasSize(0));
    }

    private static String item(String finding, String dueOn) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "审批事项清单未按时公开", "dueOn", dueOn))
                .post("/api/v1/findings/{id}/rectification-items", finding)
                .then().statusCode(201).extract().path("id");
    }

    private static List<RectificationDueSoon> dueSoon(String item) {
        return probe.ofType("reform.supervision.rectification-due-soon.v1", item).stream()
                .map(r -> (RectificationDueSoon) EventCodec.instance().decode(r.type(), r.data()).orElseThrow())
                .toList();
    }

    private void at(LocalDate day) {
        clock.moveTo(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private static Map<String, Object> inspectionBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "2027年第二季度专项小组督察");
        body.put("type", "QUARTERLY");
        body.put("method", "ON_SITE");
        body.put("scope", "行政审批制度改革牵头单位");
        body.put("startsOn", "2027-05-10");
        body.put("endsOn", "2027-05-20");
        body.put("inspectors", List.of("王督察", "李督察"));
        return body;
    }

    private static io.restassured.response.Response inspection() {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(inspectionBody())
                .post("/api/v1/inspections");
    }

    private static io.restassured.response.Response finding(String inspection, UUID unit) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("description", "审批事项清单未按时公开", "severity", "MAJOR", "unitId", unit.toString()))
                .post("/api/v1/inspections/{id}/findings", inspection);
    }

    private static io.restassured.response.Response reInspect(String item, Map<String, Object> body) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(body)
                .post("/api/v1/rectification-items/{id}/re-inspections", item);
    }

    private static io.restassured.response.Response accountability(String subjectType, String subject) {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("measure", "ADMONISHMENT_TALK", "subjectType", subjectType, "subjectId", subject,
                        "basis", "整改复查未通过，依据《改革督察问责办法》约谈"))
                .post("/api/v1/accountability-records");
    }
}
