package org.reformdesk.assessment.live;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.reformdesk.testing.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A partner department's client reads rankings with the scope rankings:read, and may do nothing else here. */
@QuarkusTest
class PartnerAccessTest {

    @Test
    void aPartnerWithRankingsReadReadsTheRankings() {
        given().auth().oauth2(TestTokens.partner("rankings:read")).queryParam("category", "A")
                .get("/api/v1/rankings")
                .then().statusCode(200).body("category", equalTo("A"));
    }

    @Test
    void theLedgerScopeDoesNotReachTheRankings() {
        given().auth().oauth2(TestTokens.partner("ledger:read")).queryParam("category", "A")
                .get("/api/v1/rankings")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPartnerCannotCloseAMonth() {
        given().auth().oauth2(TestTokens.partner("rankings:read")).contentType(ContentType.JSON)
                .body(Map.of("month", "2026-01"))
                .post("/api/v1/month-closes")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
