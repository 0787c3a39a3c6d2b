package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A special group's liaison (专项小组联络员) acts for the lead units of their group's tasks, and of no other group. */
@QuarkusTest
class GroupLiaisonTest {

    @Inject
    ServiceClock clock;

    @Test
    void theLiaisonRequestsCloseAndFilesReportsForTheirGroupsTasks() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID group = LedgerFixtures.group(unit);
        UUID closing = task(unit, group);
        UUID reported = task(unit, group);
        String liaison = TestTokens.groupLiaison(group);

        given().auth().oauth2(liaison).contentType(ContentType.JSON).body(Map.of("action", "REQUEST_CLOSE"))
                .post("/api/v1/tasks/{id}/transitions", closing)
                .then().statusCode(200).body("status", equalTo("CLOSE_REQUESTED"));
        given().auth().oauth2(liaison).contentType(ContentType.JSON).body(report())
                .post("/api/v1/tasks/{id}/reports", reported)
                .then().statusCode(201).body("reportedBy", equalTo("liaison-" + group.toString().substring(0, 8)));
    }

    @Test
    void anotherGroupsLiaisonAndALiaisonOfNoGroupAre403AndChangeNothing() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID group = LedgerFixtures.group(unit);
        UUID task = task(unit, group);
        UUID ungrouped = LedgerFixtures.task(unit, clock.today().plusMonths(3));

        for (String token : List.of(TestTokens.groupLiaison(LedgerFixtures.group(LedgerFixtures.unit("B",
                "DEPARTMENT"))), TestTokens.withRoles("liaison", null, "group-liaison"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", "REQUEST_CLOSE"))
                    .post("/api/v1/tasks/{id}/transitions", task)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(report())
                    .post("/api/v1/tasks/{id}/reports", task)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.groupLiaison(group)).contentType(ContentType.JSON).body(report())
                .post("/api/v1/tasks/{id}/reports", ungrouped)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("special group"));

        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                .then().body("status", equalTo("ASSIGNED"));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}/reports", task)
                .then().body("size()", equalTo(0));
    }

    @Test
    void theLiaisonDoesOnlyWhatTheGroupDoesForItsUnits() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID group = LedgerFixtures.group(unit);
        UUID task = task(unit, group);
        String liaison = TestTokens.groupLiaison(group);

        given().auth().oauth2(liaison).contentType(ContentType.JSON).body(Map.of("action", "START"))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(liaison).contentType(ContentType.JSON).body(Map.of("action", "CLOSE"))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(liaison).contentType(ContentType.JSON)
                .body(Map.of("title", "改个标题")).patch("/api/v1/tasks/{id}", task)
                .then().statusCode(403);
        // and reads the whole ledger, as before
        given().auth().oauth2(liaison).get("/api/v1/tasks/{id}", task).then().statusCode(200);
    }

    private UUID task(UUID unit, UUID group) {
        return LedgerFixtures.task(Map.of("title", "健全生态保护补偿机制", "leadUnitId", unit.toString(),
                "groupId", group.toString(), "responsiblePersonId", UUID.randomUUID().toString(),
                "deadline", clock.today().plusMonths(3).toString()));
    }

    private Map<String, Object> report() {
        return Map.of("period", YearMonth.from(clock.today()).toString(), "percent", 50, "narrative", "专项小组协调推进");
    }
}
