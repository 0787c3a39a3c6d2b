package org.reformdesk.assessment.monthly;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A month closed late is ranked with the directory of its own month: a unit the directory moved to another category
 * after the month ended ranks in its old category there, and in the new one from the month of the move.
 */
@QuarkusTest
class MonthDirectoryTest {

    private static final String BEFORE = "2041-03";
    private static final String AFTER = "2041-04";

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
    void aMonthClosedAfterAUnitMovedRanksItInTheCategoryItWasInThatMonth() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        UUID moving = fixtures.unit(AssessmentCategory.A, "市科技局" + suffix);
        // a unit nothing happened to is ranked by the directory alone
        UUID quiet = fixtures.unit(AssessmentCategory.A, "市外办" + suffix);
        clock.moveTo(at(3, 15).toInstant());
        fixtures.send(overdue(moving, LocalDate.of(2041, 3, 10)), at(3, 11));
        Fixtures.awaitCard(moving, BEFORE, card -> card.body("score", equalTo(98.0f)).body("category", equalTo("A")));

        clock.moveTo(at(4, 2).toInstant());
        for (UUID unit : List.of(moving, quiet)) {
            String name = Fixtures.card(unit, null).extract().path("name");
            fixtures.send(UnitChanged.of(unit, "KM-" + unit.toString().substring(0, 6), name, AssessmentCategory.B,
                    UnitKind.DEPARTMENT), at(4, 2));
            Fixtures.awaitCard(unit, AFTER, card -> card.body("category", equalTo("B")));
        }
        fixtures.send(overdue(moving, LocalDate.of(2041, 4, 10)), at(4, 11));
        Fixtures.awaitCard(moving, AFTER, card -> card.body("score", equalTo(98.0f)));
        Fixtures.card(moving, BEFORE).statusCode(200).body("category", equalTo("A"));

        // the service was down over the 1st: both months are closed a month late, after the move
        clock.moveTo(LocalDate.of(2041, 5, 2).atTime(9, 0).atZone(clock.getZone()).toInstant());
        close(BEFORE);
        close(AFTER);

        for (UUID unit : List.of(moving, quiet)) {
            ranking("A", BEFORE).body("items.unitId", hasItem(unit.toString()));
            ranking("B", BEFORE).body("items.unitId", not(hasItem(unit.toString())));
            ranking("B", AFTER).body("items.unitId", hasItem(unit.toString()));
            ranking("A", AFTER).body("items.unitId", not(hasItem(unit.toString())));
        }
        ranking("A", BEFORE).body("items.find { it.unitId == '" + moving + "' }.score", equalTo(98.0f));
        ranking("A", BEFORE).body("items.find { it.unitId == '" + quiet + "' }.score", equalTo(100.0f));
        Fixtures.card(moving, BEFORE).statusCode(200).body("category", equalTo("A")).body("frozen", equalTo(true));
        assertThat(overdueCategory(BEFORE, moving)).isEqualTo("A类");
        assertThat(overdueCategory(AFTER, moving)).isEqualTo("B类");
    }

    private static TaskOverdue overdue(UUID unit, LocalDate deadline) {
        return TaskOverdue.of(UUID.randomUUID(), "KM-2041-0077", "科技成果转化机制改革", unit, UUID.randomUUID(),
                deadline);
    }

    /** The category the month's bulletin lists the unit's overdue tasks under. */
    private static String overdueCategory(String month, UUID unit) throws IOException {
        String name = Fixtures.card(unit, month).extract().path("name");
        byte[] docx = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/bulletins/{month}", month)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable overdue = document.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(2).getText().strip().equals("逾期任务数")).findFirst()
                    .orElseThrow(() -> new AssertionError("no overdue table in " + month));
            return overdue.getRows().stream().filter(r -> r.getCell(0).getText().strip().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no overdue row for " + name)).getCell(1).getText().strip();
        }
    }

    private static void close(String month) {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(Map.of("month", month))
                .post("/api/v1/month-closes").then().statusCode(200);
    }

    private static ValidatableResponse ranking(String category, String month) {
        return given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", category)
                .queryParam("month", month).queryParam("size", 200).get("/api/v1/rankings").then().statusCode(200)
                .body("frozen", equalTo(true));
    }

    private static OffsetDateTime at(int month, int day) {
        return OffsetDateTime.of(2041, month, day, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    }
}
