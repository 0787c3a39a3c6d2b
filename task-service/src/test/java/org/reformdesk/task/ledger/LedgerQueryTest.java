package org.reformdesk.task.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class LedgerQueryTest {

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource database;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theLedgerFiltersByEveryFieldOfficesFilterBy() {
        String tag = "tag-" + UUID.randomUUID();
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID partner = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate today = clock.today();
        UUID economy = task(tag, lead, today.plusDays(100), Map.of("code", "KMQ-" + tag.substring(4, 12),
                "title", "深化投融资体制改革", "policyAreas", List.of("经济"), "rigid", true, "origin", "CENTRAL",
                "planYear", 2027, "participatingUnitIds", List.of(partner.toString())));
        UUID ecology = task(tag, lead, today.plusDays(3), Map.of("title", "健全生态补偿机制",
                "policyAreas", List.of("生态文明", "经济"), "planYear", 2026));
        UUID late = task(tag, lead, today.minusDays(1), Map.of("title", "推进河长制", "policyAreas", List.of("生态文明")));
        UUID closed = task(tag, lead, today.minusDays(10), Map.of("title", "已完成的改革"));
        LedgerFixtures.move(closed, "REQUEST_CLOSE", null);
        LedgerFixtures.move(closed, "CLOSE", null);

        assertIds(Map.of("tag", tag, "area", "经济"), ecology, economy);
        assertIds(Map.of("tag", tag, "rigid", true), economy);
        assertIds(Map.of("tag", tag, "origin", "CENTRAL"), economy);
        assertIds(Map.of("tag", tag, "year", 2027), economy);
        assertIds(Map.of("tag", tag, "unit", partner), economy);
        assertIds(Map.of("tag", tag, "timeliness", "OVERDUE"), late);
        assertIds(Map.of("tag", tag, "timeliness", "DUE_SOON"), ecology);
        assertIds(Map.of("tag", tag, "status", "CLOSED"), closed);
        assertIds(Map.of("tag", tag, "q", "生态补偿"), ecology);
        assertIds(Map.of("tag", tag, "q", "kmq-" + tag.substring(4, 12)), economy);
        assertIds(Map.of("tag", tag, "sort", "-deadline"), economy, ecology, late, closed);
        assertIds(Map.of("tag", tag), closed, late, ecology, economy);
    }

    @Test
    void theLedgerIsPagedWithoutOverlap() {
        String tag = "tag-" + UUID.randomUUID();
        UUID lead = LedgerFixtures.unit("B", "DEPARTMENT");
        for (int i = 0; i < 5; i++) {
            task(tag, lead, clock.today().plusDays(30 + i), Map.of("title", "任务" + i));
        }

        List<String> first = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag)
                .queryParam("size", 3).get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(5))
                .extract().path("items.title");
        List<String> second = given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag)
                .queryParam("size", 3).queryParam("page", 1).get("/api/v1/tasks").then().statusCode(200)
                .extract().path("items.title");
        org.assertj.core.api.Assertions.assertThat(first).containsExactly("任务0", "任务1", "任务2");
        org.assertj.core.api.Assertions.assertThat(second).containsExactly("任务3", "任务4");
    }

    @Test
    void aUnitsLedgerIsEveryTaskItLeadsCoLeadsOrJoinsInDeadlineOrderAndFollowsEdits() {
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        UUID department = LedgerFixtures.unit("B", "DEPARTMENT");
        UUID other = LedgerFixtures.unit("B", "DEPARTMENT");
        LocalDate today = clock.today();
        UUID leads = task("t", district, today.plusDays(30), Map.of("title", "牵头任务"));
        UUID joins = task("t", department, today.plusDays(10), Map.of("title", "参与任务",
                "participatingUnitIds", List.of(district.toString())));
        task("t", department, today.plusDays(20), Map.of("title", "共同牵头任务",
                "coLeadUnitIds", List.of(district.toString()), "participatingUnitIds", List.of(district.toString())));
        task("t", other, today.plusDays(5), Map.of("title", "别人的任务"));

        assertUnitLedger(district, 3, "参与任务", "共同牵头任务", "牵头任务");
        List<String> secondPage = given().auth().oauth2(TestTokens.unitOfficer(district)).queryParam("size", 2)
                .queryParam("page", 1).get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(3))
                .extract().path("items.title");
        org.assertj.core.api.Assertions.assertThat(secondPage).as("the district officer's second page")
                .containsExactly("牵头任务");

        // the office hands the task it led to another unit and adds the district to another task's participants
        given().auth().oauth2(TestTokens.reformOffice()).contentType("application/json")
                .body(Map.of("leadUnitId", other.toString(), "reason", "职责调整"))
                .post("/api/v1/tasks/{id}/reassignments", leads).then().statusCode(200);
        UUID later = task("t", other, today.plusDays(40), Map.of("title", "后加入的任务"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType("application/json")
                .body(Map.of("participatingUnitIds", List.of(district.toString())))
                .patch("/api/v1/tasks/{id}", later).then().statusCode(200);
        given().auth().oauth2(TestTokens.reformOffice()).contentType("application/json")
                .body(Map.of("participatingUnitIds", List.of()))
                .patch("/api/v1/tasks/{id}", joins).then().statusCode(200);

        assertUnitLedger(district, 2, "共同牵头任务", "后加入的任务");
        assertUnitLedger(other, 3, "别人的任务", "牵头任务", "后加入的任务");
    }

    @Test
    void aDeadlineChangeMovesTheTaskInItsUnitsLedgersAndAStatusChangeLeavesTheirRowsAlone() throws SQLException {
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        UUID department = LedgerFixtures.unit("B", "DEPARTMENT");
        LocalDate today = clock.today();
        UUID moving = task("t", department, today.plusDays(30), Map.of("title", "调整时限的任务",
                "participatingUnitIds", List.of(district.toString())));
        task("t", district, today.plusDays(20), Map.of("title", "区里牵头的任务"));
        assertUnitLedger(district, 2, "区里牵头的任务", "调整时限的任务");
        List<String> before = involvedRows(moving);
        org.assertj.core.api.Assertions.assertThat(before).as("a row for the lead and the participant").hasSize(2);

        LedgerFixtures.move(moving, "REQUEST_CLOSE", null);
        LedgerFixtures.move(moving, "REJECT", "佐证材料不全");

        org.assertj.core.api.Assertions.assertThat(involvedRows(moving))
                .as("the same row versions (xmin): a status change did not rewrite them").isEqualTo(before);
        given().auth().oauth2(TestTokens.reformOffice()).contentType("application/json")
                .body(Map.of("deadline", today.plusDays(10).toString(), "reason", "动态调整"))
                .post("/api/v1/tasks/{id}/deadline-adjustments", moving).then().statusCode(200);

        assertUnitLedger(district, 2, "调整时限的任务", "区里牵头的任务");
        assertUnitLedger(department, 1, "调整时限的任务");
        String adjusted = today.plusDays(10).toString();
        org.assertj.core.api.Assertions.assertThat(involvedRows(moving)).as("both rows carry the new deadline")
                .hasSize(2).allSatisfy(row -> org.assertj.core.api.Assertions.assertThat(row).contains(adjusted));
    }

    /** The task's rows in task_involved_unit, each as "unit deadline xmin", in unit order. */
    private List<String> involvedRows(UUID task) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement rows = connection.prepareStatement(
                "SELECT unit_id, deadline, xmin FROM task_involved_unit WHERE task_id = ? ORDER BY unit_id")) {
            rows.setObject(1, task);
            List<String> found = new ArrayList<>();
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                }
            }
            return found;
        }
    }

    /** The unit's ledger as the office filters it and as the unit's own officer sees it: the same tasks, in order. */
    private static void assertUnitLedger(UUID unit, int total, String... titles) {
        List<String> filtered = given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit)
                .get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(total))
                .extract().path("items.title");
        List<String> own = given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/tasks").then()
                .statusCode(200).body("total", equalTo(total)).extract().path("items.title");
        org.assertj.core.api.Assertions.assertThat(filtered).as("the office's 单位 filter").containsExactly(titles);
        org.assertj.core.api.Assertions.assertThat(own).as("the unit's own officer").containsExactly(titles);
    }

    @Test
    void theSummaryCountsByStatusTimelinessAreaYearAndUnit() {
        String tag = "tag-" + UUID.randomUUID();
        UUID lead = LedgerFixtures.unit("A", "DEPARTMENT");
        LocalDate today = clock.today();
        LocalDate nextYearEnd = LocalDate.of(today.getYear() + 1, 12, 31);
        task(tag, lead, nextYearEnd, Map.of("title", "跨年度任务", "policyAreas", List.of("经济", "社会民生"),
                "milestones", List.of(Map.of("name", "年内出台方案", "dueOn", LocalDate.of(today.getYear(), 12, 31).toString()))));
        task(tag, lead, today.minusDays(2), Map.of("title", "逾期任务", "policyAreas", List.of("经济")));

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("tag", tag).get("/api/v1/tasks/summary")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("byStatus.ASSIGNED", equalTo(2))
                .body("byTimeliness.OVERDUE", equalTo(1))
                .body("byArea.'经济'", equalTo(2)).body("byArea.'社会民生'", equalTo(1))
                .body("byYear.'" + today.getYear() + "'", equalTo(2)).body("byYear.'" + (today.getYear() + 1) + "'", equalTo(1))
                .body("byLeadUnit[0].unitId", equalTo(lead.toString()))
                .body("byLeadUnit[0].total", equalTo(2)).body("byLeadUnit[0].overdue", equalTo(1));
    }

    @Test
    void badSortsAreProblemsAndOfficersStayInTheirUnit() {
        UUID mine = LedgerFixtures.unit("C", "DISTRICT");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("sort", "colour").get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("sort"));
        given().auth().oauth2(TestTokens.unitOfficer(mine)).queryParam("unit", UUID.randomUUID())
                .get("/api/v1/tasks").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unitOfficer(mine)).queryParam("leadUnit", UUID.randomUUID())
                .get("/api/v1/tasks/summary").then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(mine)).get("/api/v1/tasks/summary")
                .then().statusCode(200).body("total", equalTo(0));
    }

    private static UUID task(String tag, UUID lead, LocalDate deadline, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("tags", List.of(tag));
        body.put("leadUnitId", lead.toString());
        body.put("responsiblePersonId", UUID.randomUUID().toString());
        body.put("deadline", deadline.toString());
        return LedgerFixtures.task(body);
    }

    private static void assertIds(Map<String, Object> query, UUID... expected) {
        List<String> ids = given().auth().oauth2(TestTokens.reformOffice()).queryParams(query).get("/api/v1/tasks")
                .then().statusCode(200).extract().path("items.id");
        org.assertj.core.api.Assertions.assertThat(ids).as(query.toString())
                .containsExactly(java.util.Arrays.stream(expected).map(UUID::toString).toArray(String[]::new));
    }
}
