package org.reformdesk.pilot;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.reformdesk.testing.ForgedTokens;
import org.reformdesk.testing.ForgedTokensContract;

import static io.restassured.RestAssured.given;

@QuarkusTest
class ForgedTokensTest extends ForgedTokensContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/pilots";
    }

    @Test
    void aUnitOfficersTokenWithoutAUnitIsRefusedAsBroken() {
        given().auth().oauth2(ForgedTokens.unitOfficerWithoutUnit()).get("/api/v1/pilots")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
