package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LedgerLightsTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theBattleMapCountsEachLightPerAreaAndCategoryWithinTheCallersUnit() {
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate today = clock.today();
        LedgerFixtures.task(Map.of("title", "深化商事制度改革", "leadUnitId", district.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", today.plusDays(60).toString(),
                "policyAreas", List.of("经济", "社会民生")));
        LedgerFixtures.task(Map.of("title", "推进户籍制度改革", "leadUnitId", district.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", today.plusDays(2).toString(),
                "policyAreas", List.of("经济")));
        LedgerFixtures.task(Map.of("title", "健全生态保护补偿机制", "leadUnitId", district.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", today.withDayOfMonth(1).toString(),
                "policyAreas", List.of("生态文明")));
        clock.moveTo(today.plusDays(1).atTime(9, 0).atZone(clock.getZone()).toInstant());
        LedgerFixtures.unit("C", "DISTRICT"); // another unit's tasks stay out of this officer's counts

        JsonPath lights = given().auth().oauth2(TestTokens.unitOfficer(district))
                .get("/api/v1/tasks/lights").then().statusCode(200).extract().jsonPath();

        assertThat(row(lights, "byArea", "经济")).containsEntry("overdue", 0).containsEntry("dueSoon", 1)
                .containsEntry("onTrack", 1);
        assertThat(row(lights, "byArea", "社会民生")).containsEntry("onTrack", 1);
        assertThat(row(lights, "byArea", "生态文明")).containsEntry("overdue", 1);
        assertThat(row(lights, "byCategory", "C")).containsEntry("overdue", 1).containsEntry("dueSoon", 1)
                .containsEntry("onTrack", 1);
        assertThat(lights.getList("byCategory")).hasSize(1);
        assertThat(lights.getList("byGroup")).isEmpty();
    }

    @Test
    void lightsReusedForAFewSecondsStillCountATaskEnteredSince() {
        UUID district = LedgerFixtures.unit("C", "DISTRICT");
        LocalDate today = clock.today();
        LedgerFixtures.task(Map.of("title", "深化商事制度改革", "leadUnitId", district.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", today.plusDays(60).toString(),
                "policyAreas", List.of("经济")));
        String officer = TestTokens.unitOfficer(district);
        assertThat(row(given().auth().oauth2(officer).get("/api/v1/tasks/lights").then().statusCode(200).extract()
                .jsonPath(), "byArea", "经济")).containsEntry("onTrack", 1);

        LedgerFixtures.task(Map.of("title", "推进户籍制度改革", "leadUnitId", district.toString(),
                "responsiblePersonId", UUID.randomUUID().toString(), "deadline", today.plusDays(90).toString(),
                "policyAreas", List.of("经济")));

        assertThat(row(given().auth().oauth2(officer).get("/api/v1/tasks/lights").then().statusCode(200).extract()
                .jsonPath(), "byArea", "经济")).containsEntry("onTrack", 2);
    }

    @Test
    void withoutATokenTheLightsAreClosed() {
        given().get("/api/v1/tasks/lights").then().statusCode(401);
    }

    private static Map<String, Object> row(JsonPath lights, String table, String key) {
        List<Map<String, Object>> rows = lights.getList(table);
        return rows.stream().filter(row -> key.equals(row.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(table + " has no row " + key + ": " + rows));
    }
}
