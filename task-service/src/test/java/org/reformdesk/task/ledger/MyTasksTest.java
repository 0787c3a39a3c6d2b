package org.reformdesk.task.ledger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** "My tasks": the ledger by responsible person and leader, and mine=true from the caller's own person. */
@QuarkusTest
class MyTasksTest {

    @Inject
    ServiceClock clock;

    @Test
    void theLedgerFiltersByResponsiblePersonAndLeaderInTheListTheSummaryAndTheSheet() {
        Fixture f = new Fixture();

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("responsiblePerson", f.person)
                .get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", containsInAnyOrder(f.asPerson.toString(), f.asBoth.toString()));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("responsibleLeader", f.person)
                .get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", containsInAnyOrder(f.asLeader.toString(), f.asBoth.toString()));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("responsiblePerson", f.person)
                .queryParam("responsibleLeader", f.person).get("/api/v1/tasks/summary")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void mineListsTheCallersOwnTasksWhetherTheTokenNamesThePersonOrOnlyTheirLogin() throws IOException {
        Fixture f = new Fixture();
        String byClaim = TestTokens.mint().personToken("someone-else", f.person, null, List.of("leader"));
        String byLogin = TestTokens.withRoles(f.login, null, "leader");

        for (String token : List.of(byClaim, byLogin)) {
            given().auth().oauth2(token).queryParam("mine", true).get("/api/v1/tasks")
                    .then().statusCode(200).body("total", equalTo(3)).body("items.id", containsInAnyOrder(
                            f.asPerson.toString(), f.asLeader.toString(), f.asBoth.toString()));
            given().auth().oauth2(token).queryParam("mine", true).get("/api/v1/tasks/summary")
                    .then().statusCode(200).body("total", equalTo(3));
        }
        byte[] sheet = given().auth().oauth2(byLogin).queryParam("mine", true).get("/api/v1/tasks/sheet")
                .then().statusCode(200).extract().asByteArray();
        assertThat(codes(sheet)).containsExactlyInAnyOrder(f.code(f.asPerson), f.code(f.asLeader), f.code(f.asBoth));
        given().auth().oauth2(TestTokens.mint().personToken("me", f.person, null, List.of("leader")))
                .get("/api/v1/people/me").then().statusCode(200).body("username", equalTo(f.login));
        given().auth().oauth2(byLogin).get("/api/v1/people/me").then().statusCode(200)
                .body("id", equalTo(f.person.toString())).body("name", equalTo("杨建华"));
    }

    @Test
    void aUnitOfficersOwnTasksStayWithinTheirUnit() {
        Fixture f = new Fixture();
        UUID elsewhere = LedgerFixtures.unit("C", "DISTRICT");
        UUID outside = LedgerFixtures.task(Map.of("title", "推进司法体制改革试点", "leadUnitId", elsewhere.toString(),
                "responsiblePersonId", f.person.toString(), "deadline", clock.today().plusMonths(3).toString()));

        given().auth().oauth2(TestTokens.mint().personToken(f.login, f.person, f.unit, List.of("unit-officer")))
                .queryParam("mine", true).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(f.asPerson.toString(), f.asLeader.toString(),
                        f.asBoth.toString()));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("responsiblePerson", f.person)
                .get("/api/v1/tasks").then().body("items.id", org.hamcrest.Matchers.hasItem(outside.toString()));
    }

    @Test
    void aLoginThatIsNobodysHasNoTasksOfItsOwn() {
        given().auth().oauth2(TestTokens.withRoles("nobody-" + UUID.randomUUID(), null, "leader"))
                .queryParam("mine", true).get("/api/v1/tasks")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("no person's"));
        given().auth().oauth2(TestTokens.withRoles("nobody-" + UUID.randomUUID(), null, "leader"))
                .get("/api/v1/people/me").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLoginBelongsToOnePersonAtATime() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        String login = "Login-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "周敏", "unitId", unit.toString(), "post", "LIAISON", "username", login))
                .post("/api/v1/people").then().statusCode(201).body("username", equalTo(login.toLowerCase()));

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "孙丽", "unitId", unit.toString(), "post", "LIAISON",
                        "username", login.toUpperCase()))
                .post("/api/v1/people").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "孙丽", "unitId", unit.toString(), "post", "LIAISON", "username", "有 空格"))
                .post("/api/v1/people").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("username", login).get("/api/v1/people")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("周敏"));
    }

    /** A person responsible for one task, leading another, both for a third, and a task of someone else. */
    private final class Fixture {

        final UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        final String login = "yang-" + UUID.randomUUID().toString().substring(0, 8);
        final UUID person = UUID.fromString(given().auth().oauth2(TestTokens.reformOffice())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "杨建华", "unitId", unit.toString(), "post", "HEAD", "username", login))
                .post("/api/v1/people").then().statusCode(201).extract().path("id"));
        final UUID someoneElse = LedgerFixtures.person(unit, "LIAISON", "周敏");
        final UUID asPerson = task(person, null);
        final UUID asLeader = task(someoneElse, person);
        final UUID asBoth = task(person, person);
        final UUID notMine = task(someoneElse, null);

        private UUID task(UUID responsible, UUID leader) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "深化商事制度改革",
                    "leadUnitId", unit.toString(), "responsiblePersonId", responsible.toString(),
                    "deadline", clock.today().plusMonths(3).toString()));
            if (leader != null) {
                body.put("responsibleLeaderId", leader.toString());
            }
            return LedgerFixtures.task(body);
        }

        String code(UUID task) {
            return given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/tasks/{id}", task)
                    .then().extract().path("code");
        }
    }

    private static List<String> codes(byte[] xlsx) throws IOException {
        List<String> codes = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getFirstSheet().read()) {
                if (row.getRowNum() > 1) {
                    codes.add(row.getCellText(0));
                }
            }
        }
        return codes;
    }
}
