package org.reformdesk.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.AccessMatrixContract;
import org.reformdesk.testing.TestTokens;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;

/** Who may write what in the assessment service (DOMAIN.md "Who uses it"): no unit writes here at all. */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

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

    /** Manual scores and exemptions are for units the directory has announced. */
    @Override
    protected UUID newUnit() {
        return fixtures.unit(AssessmentCategory.B, "市统计局");
    }

    @Override
    protected Map<String, Set<String>> allowed() {
        Set<String> office = Set.of(REFORM_OFFICE);
        return Map.ofEntries(
                entry("POST /api/v1/schemes", office),
                entry("POST /api/v1/schemes/{id}/publication", office),
                entry("POST /api/v1/manual-scores", Set.of(ASSESSOR)),
                entry("POST /api/v1/exemptions", office),
                entry("POST /api/v1/month-closes", office),
                entry("POST /api/v1/score-rebuilds", office),
                entry("POST /api/v1/year-ends/{year}/computation", office),
                entry("POST /api/v1/year-ends/{year}/publication", office));
    }

    @Override
    protected List<Call> unitWrites(UUID unit) {
        return List.of();
    }

    @Override
    protected List<Read> unitReads(UUID unit) {
        String score = given().auth().oauth2(TestTokens.withRoles("assessor", null, "assessor"))
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", unit.toString(), "kind", "ASSESSOR_SCORE",
                        "period", YearMonth.from(clock.today()).toString(), "score", 88))
                .post("/api/v1/manual-scores").then().statusCode(201).extract().path("id");
        String exemption = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unit.toString(), "subjectId", UUID.randomUUID().toString(),
                        "indicator", "OVERDUE_TASKS", "reason", "待上级统一部署"))
                .post("/api/v1/exemptions").then().statusCode(201).extract().path("id");
        return List.of(new Read("/api/v1/manual-scores/" + score, "/api/v1/manual-scores"),
                new Read("/api/v1/exemptions/" + exemption, "/api/v1/exemptions"));
    }
}
