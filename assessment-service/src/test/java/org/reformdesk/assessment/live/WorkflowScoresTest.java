package org.reformdesk.assessment.live;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.assessment.Fixtures;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.assessment.scheme.SchemeDefinition;
import org.reformdesk.assessment.scheme.Schemes;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.testing.ConsumerLag;
import org.reformdesk.testing.TestKafka;
import org.reformdesk.testing.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Extension decisions and reassignments, as scores follow them. */
@QuarkusTest
class WorkflowScoresTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);
    private static final LocalDate EXTENDED = LocalDate.of(2026, 9, 30);

    private static Fixtures fixtures;

    @BeforeAll
    static void connect() {
        fixtures = new Fixtures();
    }

    @AfterAll
    static void disconnect() {
        fixtures.close();
    }

    @Test
    void anExtensionApprovedLateIsNoLatenessForTheOldDeadlineButTheNewOneStillCounts() {
        UUID unit = fixtures.unit(AssessmentCategory.C, "官渡区");
        UUID task = UUID.randomUUID();
        fixtures.send(overdue(task, unit, DEADLINE));
        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(98.0f)));

        ExtensionDecided approved = decided(task, unit, ExtensionDecided.APPROVED);
        fixtures.send(approved);
        fixtures.send(approved);

        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(100.0f))
                .body("points[0].exempted", equalTo(true))
                .body("points[0].exemptionReason", startsWith("延期申请已批准：KM-2026-0007 完成时限由 2026-06-30 延至 "
                        + "2026-09-30")));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unitId", unit).get("/api/v1/exemptions")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].occasion", equalTo(task + "/" + DEADLINE));

        fixtures.send(overdue(task, unit, EXTENDED));
        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(98.0f)).body("points", hasSize(2)));
    }

    @Test
    void aRejectedExtensionIsRecordedAndCostsNothingUnlessTheSchemeWeighsIt() {
        UUID unit = fixtures.unit(AssessmentCategory.C, "西山区");
        UUID task = UUID.randomUUID();
        ExtensionDecided rejected = decided(task, unit, ExtensionDecided.REJECTED);
        fixtures.send(rejected);
        fixtures.send(rejected);

        Fixtures.awaitCard(unit, null, card -> card.body("score", equalTo(100.0f))
                .body("points", hasSize(1)).body("points[0].indicator", equalTo("REJECTED_EXTENSIONS"))
                .body("points[0].points", equalTo(0.0f))
                .body("points[0].reason", startsWith("延期申请未获批准：KM-2026-0007")));
        ConsumerLag.awaitCaughtUp(TestKafka.bootstrapServers(), Duration.ofSeconds(30), "assessment-service");
        Fixtures.card(unit, null).body("points", hasSize(1));
    }

    @Test
    void aSchemeThatWeighsRejectedExtensionsDeductsForThem() {
        SchemeDefinition definition = Schemes.definition("-2");
        for (AssessmentCategory category : AssessmentCategory.values()) {
            List<SchemeDefinition.Weighted> indicators = new ArrayList<>(definition.categories().get(category));
            indicators.removeIf(w -> w.indicator() == Indicator.DEMOCRATIC_EVALUATION);
            indicators.add(new SchemeDefinition.Weighted(Indicator.REJECTED_EXTENSIONS, "延期申请", new BigDecimal("10"),
                    new BigDecimal("-1.5"), null));
            definition.categories().put(category, indicators);
        }
        Map<String, Object> body = new HashMap<>(Map.of("year", 2093, "name", "2093年度考核方案（延期申请计分）",
                "categories", new EnumMap<>(definition.categories()), "yearEnd", definition.yearEnd()));
        String scheme = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schemes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.reformOffice()).post("/api/v1/schemes/{id}/publication", scheme)
                .then().statusCode(200);
        UUID unit = fixtures.unit(AssessmentCategory.C, "晋宁区");

        fixtures.send(decided(UUID.randomUUID(), unit, ExtensionDecided.REJECTED),
                OffsetDateTime.of(2093, 5, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)));

        Fixtures.awaitCard(unit, "2093-05", card -> card.body("score", equalTo(98.5f))
                .body("indicators.find { it.indicator == 'REJECTED_EXTENSIONS' }.score", equalTo(8.5f)));
    }

    @Test
    void aReassignedTasksPointsStayWithTheOldUnitAndLaterOnesGoToTheNew() {
        UUID before = fixtures.unit(AssessmentCategory.C, "安宁市");
        UUID after = fixtures.unit(AssessmentCategory.C, "宜良县");
        UUID task = UUID.randomUUID();
        fixtures.send(overdue(task, before, DEADLINE));
        Fixtures.awaitCard(before, null, card -> card.body("score", equalTo(98.0f)));

        fixtures.send(TaskReassigned.of(task, "KM-2026-0007", "健全生态保护补偿机制", before, after, null, null,
                UUID.randomUUID(), UUID.randomUUID(), EXTENDED, "机构改革后职能划转", false, "office"));
        fixtures.send(overdue(task, after, EXTENDED));

        Fixtures.awaitCard(after, null, card -> card.body("score", equalTo(98.0f))
                .body("points.reason", hasItem(startsWith("任务逾期：KM-2026-0007"))));
        Fixtures.card(before, null).body("score", equalTo(98.0f)).body("points", hasSize(1));
    }

    @Test
    void theReformOfficeRunsThePlanAndIsNotRanked() {
        UUID office = fixtures.unit(AssessmentCategory.B, "市委改革办");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "B").queryParam("size", 200)
                .get("/api/v1/rankings").then().statusCode(200).body("items.unitId", hasItem(office.toString()));

        fixtures.send(UnitChanged.of(office, "KM-GGB-" + office.toString().substring(0, 4), "市委改革办",
                AssessmentCategory.B, UnitKind.REFORM_OFFICE));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixtures.card(office, null).statusCode(404));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "B").queryParam("size", 200)
                .get("/api/v1/rankings").then().statusCode(200)
                .body("items.unitId", not(hasItem(office.toString())));
    }

    private static TaskOverdue overdue(UUID task, UUID unit, LocalDate deadline) {
        return TaskOverdue.of(task, "KM-2026-0007", "健全生态保护补偿机制", unit, UUID.randomUUID(), deadline);
    }

    private static ExtensionDecided decided(UUID task, UUID unit, String decision) {
        return ExtensionDecided.of(UUID.randomUUID(), task, "KM-2026-0007", "健全生态保护补偿机制", unit,
                UUID.randomUUID(), null, DEADLINE, EXTENDED, decision,
                ExtensionDecided.APPROVED.equals(decision) ? EXTENDED : null, "审批意见", "office");
    }
}
