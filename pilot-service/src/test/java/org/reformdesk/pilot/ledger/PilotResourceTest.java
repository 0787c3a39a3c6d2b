package org.reformdesk.pilot.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.Topics;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.pilot.PilotFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.EventSender;
import org.reformdesk.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PilotResourceTest {

    @Test
    void aRegisteredPilotIsACandidateWithItsFourOnesAndIsAnnounced() {
        UUID unit = UUID.randomUUID();
        try (EventProbe pilots = EventProbe.on(Topics.PILOTS)) {
            String id = PilotFixtures.register(unit, "NATIONAL", null, null);

            given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/pilots/{id}", id)
                    .then().statusCode(200)
                    .body("status", equalTo("CANDIDATE"))
                    .body("level", equalTo("NATIONAL"))
                    .body("leadLeaderName", equalTo("李明"))
                    .body("workingTeam", hasSize(2));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> pilots.ofType("reform.pilot.registered.v1", id).size() == 1);
        }
    }

    @Test
    void aPilotWalksItsLifeAndEveryMoveIsKeptAndAnnounced() {
        UUID unit = UUID.randomUUID();
        try (EventProbe pilots = EventProbe.on(Topics.PILOTS)) {
            String id = PilotFixtures.running(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
            PilotFixtures.move(id, "ACCEPTANCE");
            PilotFixtures.move(id, "COMPLETED");

            given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}/history", id)
                    .then().statusCode(200)
                    .body("action", equalTo(List.of("REGISTERED", "MOVED", "MOVED", "MOVED", "MOVED")))
                    .body("to", equalTo(List.of("CANDIDATE", "APPROVED", "IN_PROGRESS", "ACCEPTANCE", "COMPLETED")))
                    .body("actor", hasItem("office"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> pilots.ofType("reform.pilot.status-changed.v1", id).size() == 4);
        }
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheCurrentStatus() {
        String id = PilotFixtures.register(UUID.randomUUID(), "PROVINCIAL", null, null);

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("status", "COMPLETED"))
                .post("/api/v1/pilots/{id}/status", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("CANDIDATE"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}", id)
                .then().body("status", equalTo("CANDIDATE"));
    }

    @Test
    void anExitNeedsItsReasonAndAPilotNeedsACalendarToStart() {
        String id = PilotFixtures.register(UUID.randomUUID(), "MUNICIPAL", null, null);
        PilotFixtures.move(id, "APPROVED");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("status", "EXITED"))
                .post("/api/v1/pilots/{id}/status", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS"))
                .post("/api/v1/pilots/{id}/status", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("status", "EXITED", "reason", "上级部署调整，退出试点"))
                .post("/api/v1/pilots/{id}/status", id)
                .then().statusCode(200).body("status", equalTo("EXITED"))
                .body("exitReason", equalTo("上级部署调整，退出试点"));
    }

    @Test
    void anAdjustmentKeepsTheOldValuesAndTheReasonInTheHistory() {
        String id = PilotFixtures.register(UUID.randomUUID(), "MUNICIPAL", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("reason", "试点范围扩大，延长半年", "plannedEndOn", "2026-12-31"))
                .patch("/api/v1/pilots/{id}", id)
                .then().statusCode(200).body("plannedEndOn", equalTo("2026-12-31"));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}/history", id)
                .then().body("[1].action", equalTo("ADJUSTED"))
                .body("[1].detail", containsString("2026-06-30 → 2026-12-31"))
                .body("[1].detail", containsString("试点范围扩大"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("reason", "调整", "plannedEndOn", "2025-01-01"))
                .patch("/api/v1/pilots/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("plannedEndOn"));
    }

    @Test
    void theResponsibilityLetterIsRecorded() {
        String id = PilotFixtures.register(UUID.randomUUID(), "NATIONAL", null, null);

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("signedBy", "李明", "signedOn", "2026-02-01", "document", "docs/bl-2026-007.pdf"))
                .put("/api/v1/pilots/{id}/responsibility-letter", id)
                .then().statusCode(200)
                .body("responsibilityLetter.signedBy", equalTo("李明"))
                .body("responsibilityLetter.signedOn", equalTo("2026-02-01"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        UUID unit = UUID.randomUUID();
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "试点", "level", "GALACTIC", "leadUnitId", unit.toString()))
                .post("/api/v1/pilots")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("level"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "level", "MUNICIPAL", "leadUnitId", unit.toString(),
                        "startsOn", "2026-05-01", "plannedEndOn", "2026-04-01"))
                .post("/api/v1/pilots")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "试点", "level", "MUNICIPAL", "leadUnitId", unit.toString(),
                        "startsOn", "2026-05-01", "plannedEndOn", "2026-04-01"))
                .post("/api/v1/pilots")
                .then().statusCode(400).body("errors.field", hasItem("plannedEndOn"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("leadUnit", unit).get("/api/v1/pilots")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aUnitOfficerCannotRegisterMoveOrReadAnotherUnitsPilots() {
        UUID unit = UUID.randomUUID();
        String id = PilotFixtures.register(unit, "MUNICIPAL", null, null);
        String officer = TestTokens.unitOfficer(unit);

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "试点", "level", "MUNICIPAL", "leadUnitId", unit.toString()))
                .post("/api/v1/pilots").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("status", "APPROVED"))
                .post("/api/v1/pilots/{id}/status", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).get("/api/v1/pilots/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(officer).queryParam("leadUnit", UUID.randomUUID()).get("/api/v1/pilots")
                .then().statusCode(403);
    }

    @Test
    void theLedgerFiltersAndCountsByLevelAndStatus() {
        UUID unit = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        PilotFixtures.register(unit, "NATIONAL", null, null);
        PilotFixtures.register(unit, "NATIONAL", null, null);
        String provincial = PilotFixtures.register(unit, "PROVINCIAL", null, null);
        PilotFixtures.move(provincial, "APPROVED");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("reason", "更换包联领导", "leadLeaderId", leader.toString()))
                .patch("/api/v1/pilots/{id}", provincial).then().statusCode(200);

        given().auth().oauth2(TestTokens.unitOfficer(unit)).queryParam("level", "NATIONAL").get("/api/v1/pilots")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("leader", leader).get("/api/v1/pilots")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(provincial));
        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/pilots/counts")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("byLevel.NATIONAL", equalTo(2))
                .body("byLevelAndStatus.PROVINCIAL.APPROVED", equalTo(1))
                .body("byStatus.CANDIDATE", equalTo(2));
        // the reform office counts the whole city's pilots, this unit's among them
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/counts")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3))
                .body("byLevel.NATIONAL", greaterThanOrEqualTo(2));
    }

    @Test
    void theLedgerExportsAsASpreadsheetWithChineseHeadersAndUnitNames() throws Exception {
        UUID unit = UUID.randomUUID();
        try (EventSender sender = EventSender.onTestBroker()) {
            sender.send(UnitChanged.of(unit, "CD-WJ", "温江区", AssessmentCategory.C, UnitKind.DISTRICT));
        }
        PilotFixtures.register(unit, "NATIONAL", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        await().atMost(Duration.ofSeconds(20)).until(() -> exportRows(unit).size() == 2
                && exportRows(unit).get(1).getCellText(4).equals("温江区"));

        List<Row> rows = exportRows(unit);
        assertThat(rows.get(0).getCellText(0)).isEqualTo("试点名称");
        assertThat(rows.get(0).getCellText(12)).isEqualTo("状态");
        assertThat(rows.get(1).getCellText(1)).isEqualTo("国家级");
        assertThat(rows.get(1).getCellText(12)).isEqualTo("争取中");
    }

    private static List<Row> exportRows(UUID unit) throws Exception {
        byte[] sheet = given().auth().oauth2(TestTokens.reformOffice()).queryParam("leadUnit", unit)
                .get("/api/v1/pilots/export")
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet))) {
            return workbook.getFirstSheet().read();
        }
    }
}
