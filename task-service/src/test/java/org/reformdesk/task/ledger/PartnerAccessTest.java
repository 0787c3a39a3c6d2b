package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * A partner department's client reads the ledger with the scope ledger:read, files monthly progress reports with
 * progress:write, and may do nothing else.
 */
@QuarkusTest
class PartnerAccessTest {

    @Inject
    ServiceClock clock;

    @Test
    void aPartnerWithLedgerReadReadsEveryUnitsTasks() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(30));

        given().auth().oauth2(TestTokens.partner("ledger:read"))
                .get("/api/v1/tasks/{id}", task)
                .then().statusCode(200).body("id", equalTo(task.toString()));
        given().auth().oauth2(TestTokens.partner("ledger:read")).queryParam("leadUnit", unit)
                .get("/api/v1/tasks")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void aPartnerWithoutTheScopeReadsNothing() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(30));

        given().auth().oauth2(TestTokens.partner("rankings:read"))
                .get("/api/v1/tasks/{id}", task)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPartnerCannotWriteToTheLedger() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");

        given().auth().oauth2(TestTokens.partner("ledger:read")).contentType(ContentType.JSON)
                .body(Map.of("code", "KM-P-1", "title", "合作部门写入", "leadUnitId", unit.toString(),
                        "responsiblePersonId", UUID.randomUUID().toString(),
                        "deadline", clock.today().plusDays(30).toString()))
                .post("/api/v1/tasks")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPartnerWithProgressWriteFilesAMonthlyReportUnderItsOwnName() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(30));

        given().auth().oauth2(TestTokens.partner("progress:write")).contentType(ContentType.JSON)
                .body(report())
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(201).body("reportedBy", equalTo("service-account-partner-test"));
        given().auth().oauth2(TestTokens.reformOffice())
                .get("/api/v1/tasks/{id}/reports/{period}", task, YearMonth.from(clock.today()).toString())
                .then().statusCode(200).body("percent", equalTo(60))
                .body("reportedBy", equalTo("service-account-partner-test"));
    }

    @Test
    void progressWriteAdmitsNoOtherWriteAndNoRead() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID task = LedgerFixtures.task(unit, clock.today().plusDays(30));
        String partner = TestTokens.partner("progress:write");

        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("action", "START"))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("done", true))
                .put("/api/v1/tasks/{id}/milestones/{m}", task, UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(partner).get("/api/v1/tasks/{id}", task)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner("ledger:read")).contentType(ContentType.JSON).body(report())
                .post("/api/v1/tasks/{id}/reports", task)
                .then().statusCode(403).contentType("application/problem+json");
    }

    private Map<String, Object> report() {
        return Map.of("period", YearMonth.from(clock.today()).toString(), "percent", 60,
                "narrative", "统计局报送：已完成数据归集");
    }
}
