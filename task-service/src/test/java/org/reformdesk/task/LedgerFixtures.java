package org.reformdesk.task;

import io.restassured.http.ContentType;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates units and tasks over REST, as the reform office would. */
public final class LedgerFixtures {

    private LedgerFixtures() {
    }

    public static UUID unit(String category, String kind) {
        String code = "U-" + UUID.randomUUID().toString().substring(0, 8);
        return UUID.fromString(given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "测试单位 " + code, "category", category, "kind", kind))
                .post("/api/v1/units")
                .then().statusCode(201).extract().path("id"));
    }

    /** Moves a task along its lifecycle as the reform office. */
    public static void move(UUID task, String action, String reason) {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(reason == null ? Map.of("action", action) : Map.of("action", action, "reason", reason))
                .post("/api/v1/tasks/{id}/transitions", task)
                .then().statusCode(200);
    }

    /** Enters a task with any fields of the request, as the reform office. */
    public static UUID task(Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID person(UUID unit, String post, String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "unitId", unit.toString(), "post", post))
                .post("/api/v1/people")
                .then().statusCode(201).extract().path("id"));
    }

    /** A special group with {@code unit} as its member and liaison unit, headed by a leader of the unit. */
    public static UUID group(UUID unit) {
        UUID head = person(unit, "LEADER", "组长 " + unit.toString().substring(0, 4));
        return UUID.fromString(given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("name", "专项小组 " + UUID.randomUUID(), "headPersonId", head.toString(),
                        "liaisonUnitId", unit.toString(), "memberUnitIds", java.util.List.of(unit.toString())))
                .post("/api/v1/groups")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID task(UUID leadUnit, LocalDate deadline) {
        return UUID.fromString(given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("title", "深化行政审批制度改革", "leadUnitId", leadUnit.toString(),
                        "responsiblePersonId", UUID.randomUUID().toString(), "deadline", deadline.toString()))
                .post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id"));
    }
}
