package org.reformdesk.task.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.EventCodec;
import org.reformdesk.events.GroupChanged;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.Topics;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.EventProbe;
import org.reformdesk.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DirectoryResourceTest {

    private static EventProbe directory;

    @BeforeAll
    static void listen() {
        directory = EventProbe.on(Topics.DIRECTORY);
    }

    @AfterAll
    static void stopListening() {
        directory.close();
    }

    private static ReformEvent decode(EventProbe.Recorded recorded) {
        return EventCodec.instance().decode(recorded.type(), recorded.data()).orElseThrow();
    }

    @Test
    void aChangedUnitIsPublishedAgainUnderItsId() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("code", "KM-TJJ-" + unit.toString().substring(0, 4), "name", "市统计局", "category", "A",
                        "kind", "DEPARTMENT"))
                .put("/api/v1/units/{id}", unit)
                .then().statusCode(200).body("category", equalTo("A")).body("name", equalTo("市统计局"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> directory.ofType("reform.directory.unit-changed.v1", unit.toString()).size() == 2);
        EventProbe.Recorded latest = directory.ofType("reform.directory.unit-changed.v1", unit.toString()).get(1);
        assertThat(latest.key()).isEqualTo(unit.toString());
        UnitChanged changed = (UnitChanged) decode(latest);
        assertThat(changed.category()).isEqualTo(AssessmentCategory.A);
        assertThat(changed.name()).isEqualTo("市统计局");
    }

    @Test
    void unitsFilterByCategoryAndText() {
        UUID unit = LedgerFixtures.unit("C", "DEVELOPMENT_ZONE");
        String code = given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/units/{id}", unit)
                .then().extract().path("code");

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "C").queryParam("q", code.toLowerCase())
                .get("/api/v1/units")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("DEVELOPMENT_ZONE"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("category", "D").get("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", equalTo("must be one of A, B, C"));
    }

    @Test
    void aPersonIsRegisteredChangedAndRemovedWithAnEventEachTime() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID person = LedgerFixtures.person(unit, "HEAD", "张伟");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "张伟", "unitId", unit.toString(), "post", "DEPUTY", "phone", "+86 871 6360 0000",
                        "email", "zhangwei@km.gov.cn", "language", "en", "wecomUserId", "ZhangWei",
                        "dingtalkUserId", "manager4220"))
                .put("/api/v1/people/{id}", person)
                .then().statusCode(200).body("post", equalTo("DEPUTY")).body("language", equalTo("en"))
                .body("wecomUserId", equalTo("ZhangWei")).body("dingtalkUserId", equalTo("manager4220"));
        given().auth().oauth2(TestTokens.reformOffice()).delete("/api/v1/people/{id}", person).then().statusCode(204);

        await().atMost(Duration.ofSeconds(15)).until(() ->
                directory.ofType("reform.directory.person-changed.v1", person.toString()).size() == 2
                        && directory.ofType("reform.directory.person-removed.v1", person.toString()).size() == 1);
        PersonChanged first = (PersonChanged) decode(
                directory.ofType("reform.directory.person-changed.v1", person.toString()).get(0));
        assertThat(first.language()).isEqualTo("zh-CN");
        assertThat(first.post()).isEqualTo("HEAD");
        assertThat(first.wecomUserId()).isNull();
        PersonChanged second = (PersonChanged) decode(
                directory.ofType("reform.directory.person-changed.v1", person.toString()).get(1));
        assertThat(second.wecomUserId()).as("the reminders reach them in WeCom").isEqualTo("ZhangWei");
        assertThat(second.dingtalkUserId()).isEqualTo("manager4220");
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).get("/api/v1/people")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/people/{id}", person)
                .then().statusCode(200).body("removed", equalTo(true));
        given().auth().oauth2(TestTokens.reformOffice()).delete("/api/v1/people/{id}", person).then().statusCode(404);
    }

    @Test
    void aPersonWithBadDetailsIsAProblemNamingEachFieldAndStoresNothing() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");

        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "", "unitId", unit.toString(), "post", "HEAD", "phone", "call me",
                        "email", "not-an-address", "language", "中文", "wecomUserId", "张 伟",
                        "dingtalkUserId", "x".repeat(65)))
                .post("/api/v1/people")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("language"))
                .body("errors.field", hasItem("wecomUserId")).body("errors.field", hasItem("dingtalkUserId"));
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "李娜", "unitId", UUID.randomUUID().toString(), "post", "HEAD"))
                .post("/api/v1/people")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("unitId"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).get("/api/v1/people")
                .then().body("total", equalTo(0));
    }

    @Test
    void aSpecialGroupNamesItsHeadLiaisonUnitAndMembers() {
        UUID liaison = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID member = LedgerFixtures.unit("C", "DISTRICT");
        UUID head = LedgerFixtures.person(liaison, "LEADER", "王强");
        String name = "经济体制和生态文明体制改革专项小组 " + UUID.randomUUID();

        String group = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "group-" + name)
                .body(Map.of("name", name, "headPersonId", head.toString(), "liaisonUnitId", liaison.toString(),
                        "memberUnitIds", List.of(member.toString(), member.toString())))
                .post("/api/v1/groups")
                .then().statusCode(201).body("memberUnitIds.size()", equalTo(1)).extract().path("id");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> directory.ofType("reform.directory.group-changed.v1", group).size() == 1);
        GroupChanged changed = (GroupChanged) decode(directory.ofType("reform.directory.group-changed.v1", group).get(0));
        assertThat(changed.headPersonId()).isEqualTo(head);
        assertThat(changed.memberUnitIds()).containsExactly(member);
        given().auth().oauth2(TestTokens.reformOffice()).delete("/api/v1/people/{id}", head)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("王强"));
    }

    @Test
    void aGroupNamingUnknownPeopleOrUnitsIsRefused() {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "社会民生专项小组 " + UUID.randomUUID(), "headPersonId", UUID.randomUUID().toString(),
                        "liaisonUnitId", UUID.randomUUID().toString(),
                        "memberUnitIds", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/groups")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("headPersonId")).body("errors.field", hasItem("liaisonUnitId"))
                .body("errors.field", hasItem("memberUnitIds"));
    }

    @Test
    void onlyTheReformOfficeChangesTheDirectory() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        UUID person = LedgerFixtures.person(unit, "LIAISON", "赵丽");
        String officer = TestTokens.unitOfficer(unit);

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "赵丽", "unitId", unit.toString(), "post", "HEAD"))
                .post("/api/v1/people").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(officer).delete("/api/v1/people/{id}", person).then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("code", "X-1", "name", "x", "category", "A", "kind", "DEPARTMENT"))
                .put("/api/v1/units/{id}", unit).then().statusCode(403);
        given().auth().oauth2(officer).get("/api/v1/people/{id}", person).then().statusCode(200)
                .body("name", equalTo("赵丽")).body("phone", not(equalTo("x")));
    }

    @Test
    void theDirectoryIsPaged() {
        UUID unit = LedgerFixtures.unit("B", "DEPARTMENT");
        for (int i = 0; i < 3; i++) {
            LedgerFixtures.person(unit, "INFORMATION_OFFICER", "信息员" + i);
        }

        given().auth().oauth2(TestTokens.reformOffice()).queryParam("unit", unit).queryParam("size", 2)
                .queryParam("page", 1).get("/api/v1/people")
                .then().statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(1))
                .body("items[0].name", equalTo("信息员2"));
        given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 0).get("/api/v1/groups")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }
}
