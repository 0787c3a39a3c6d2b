package org.reformdesk.pilot.outcomes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.Topics;
import org.reformdesk.pilot.PilotFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OutcomeResourceTest {

    @Test
    void aPromotedExperienceIsRecordedOnceAndAnnounced() {
        UUID unit = UUID.randomUUID();
        String pilot = PilotFixtures.running(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        Map<String, String> outcome = Map.of("kind", "REPLICABLE_EXPERIENCE", "title", "“一窗受理、集成服务”经验",
                "promotionLevel", "PROVINCE", "promotedOn", "2026-06-01");
        try (EventProbe pilots = EventProbe.on(Topics.PILOTS)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                        .header("Idempotency-Key", "outcome-1").body(outcome)
                        .post("/api/v1/pilots/{id}/outcomes", pilot).then().statusCode(201);
            }

            given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}/outcomes", pilot)
                    .then().statusCode(200).body("size()", equalTo(1))
                    .body("[0].promotionLevel", equalTo("PROVINCE"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> pilots.ofType("reform.pilot.experience-promoted.v1", pilot).size() == 1);
        }
    }

    @Test
    void aPromotionLevelNeedsItsDateAndAnotherUnitMayNotRecord() {
        UUID unit = UUID.randomUUID();
        String pilot = PilotFixtures.running(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSTITUTIONAL_RESULT", "title", "农村产权交易管理办法", "promotionLevel", "CITY"))
                .post("/api/v1/pilots/{id}/outcomes", pilot)
                .then().statusCode(400).body("errors.field", hasItem("promotedOn"));
        given().auth().oauth2(TestTokens.unitOfficer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSTITUTIONAL_RESULT", "title", "农村产权交易管理办法"))
                .post("/api/v1/pilots/{id}/outcomes", pilot)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/pilots/{id}/outcomes", pilot)
                .then().body("size()", equalTo(0));
    }

    @Test
    void demonstrationSitesAreDesignatedAndListed() {
        UUID unit = UUID.randomUUID();
        String pilot = PilotFixtures.running(unit, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "永宁镇示范点", "location", "温江区永宁镇", "designatedOn", "2026-05-20"))
                .post("/api/v1/pilots/{id}/sites", pilot).then().statusCode(201);
        given().auth().oauth2(TestTokens.unitOfficer(unit)).contentType(ContentType.JSON)
                .body(Map.of("location", "无名"))
                .post("/api/v1/pilots/{id}/sites", pilot).then().statusCode(400);

        given().auth().oauth2(TestTokens.unitOfficer(unit)).get("/api/v1/pilots/{id}/sites", pilot)
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].name", equalTo("永宁镇示范点"));
    }
}
