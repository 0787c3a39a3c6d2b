package org.reformdesk.assessment.monthly;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.ServiceTestResources;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The close catching up after months nobody closed. It closes every month the service knows up to the last full one,
 * so it runs on a database of its own: the other tests' ended months stay live for them.
 */
@QuarkusTest
@TestProfile(MonthCatchUpTest.OwnDatabase.class)
class MonthCatchUpTest {

    /** A fresh database (and the same broker and token key) instead of the one every other test shares. */
    public static class OwnDatabase implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ServiceTestResources.class));
        }
    }

    private static Fixtures fixtures;

    @Inject
    ServiceClock clock;

    @Inject
    MonthClose monthClose;

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
    void aClockMovedFourteenMonthsAheadLeavesFourteenClosedMonthsAndAgainChangesNothing() {
        YearMonth thisMonth = YearMonth.now(clock);
        UUID late = fixtures.unit(AssessmentCategory.B, "统计局");
        UUID punctual = fixtures.unit(AssessmentCategory.B, "档案局");
        fixtures.send(TaskOverdue.of(UUID.randomUUID(), "KM-2026-0301", "推进统计管理体制改革", late, UUID.randomUUID(),
                clock.today().minusDays(1)));
        Fixtures.awaitCard(late, null, card -> card.body("score", equalTo(98.0f)));

        clock.moveTo(thisMonth.plusMonths(14).atDay(1).atTime(3, 0).atZone(clock.getZone()).toInstant());
        List<MonthClose.Result> closed = monthClose.catchUp();

        List<String> months = IntStream.range(0, 14)
                .mapToObj(i -> thisMonth.plusMonths(i).toString()).toList();
        assertThat(closed).extracting(MonthClose.Result::month).containsExactlyElementsOf(months);
        assertThat(closed).allSatisfy(result -> assertThat(result.closed()).hasSize(3));
        for (String month : months) {
            ranking(month).body("frozen", equalTo(true)).body("total", equalTo(2));
        }
        ranking(thisMonth.toString())
                .body("items.find { it.unitId == '" + late + "' }.diagnosis", equalTo(true))
                .body("items.find { it.unitId == '" + late + "' }.score", equalTo(98.0f))
                .body("items.find { it.unitId == '" + punctual + "' }.rank", equalTo(1));
        // a month nothing happened in is frozen too, everyone at full marks and no one to visit
        ranking(thisMonth.plusMonths(13).toString())
                .body("items.findAll { it.score == 100.0 && it.rank == 1 && !it.diagnosis }", hasSize(2));
        ranking(thisMonth.plusMonths(14).toString()).body("frozen", equalTo(false));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 200).get("/api/v1/bulletins")
                .then().statusCode(200).body("total", equalTo(14))
                .body("items.month", equalTo(IntStream.range(0, 14)
                        .mapToObj(i -> thisMonth.plusMonths(13 - i).toString()).toList()));

        assertThat(monthClose.catchUp()).isEmpty();
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/bulletins").then().body("total", equalTo(14));
        ranking(thisMonth.toString()).body("items.find { it.unitId == '" + late + "' }.score", equalTo(98.0f));
    }

    private static io.restassured.response.ValidatableResponse ranking(String month) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "B").queryParam("month", month)
                .get("/api/v1/rankings").then().statusCode(200);
    }
}
