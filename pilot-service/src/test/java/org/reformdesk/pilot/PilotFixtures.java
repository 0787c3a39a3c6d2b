package org.reformdesk.pilot;

import io.restassured.http.ContentType;
import org.reformdesk.testing.TestTokens;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Registers pilots and moves them over REST, as the reform office would. */
public final class PilotFixtures {

    private PilotFixtures() {
    }

    public static String register(UUID leadUnit, String level, LocalDate startsOn, LocalDate plannedEndOn) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "农村集体产权制度改革试点", "level", level,
                "grantedBy", "农业农村部", "policyArea", "经济", "leadUnitId", leadUnit.toString(),
                "leadLeaderId", UUID.randomUUID().toString(), "leadLeaderName", "李明",
                "workingTeam", List.of("王芳", "赵强")));
        if (startsOn != null) {
            body.put("startsOn", startsOn.toString());
            body.put("plannedEndOn", plannedEndOn.toString());
        }
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/pilots").then().statusCode(201).extract().path("id");
    }

    public static void move(String pilot, String status) {
        given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", "按计划推进"))
                .post("/api/v1/pilots/{id}/status", pilot).then().statusCode(200);
    }

    /** A pilot under way from {@code start} to {@code end}. */
    public static String running(UUID leadUnit, LocalDate start, LocalDate end) {
        String pilot = register(leadUnit, "MUNICIPAL", start, end);
        move(pilot, "APPROVED");
        move(pilot, "IN_PROGRESS");
        return pilot;
    }
}
