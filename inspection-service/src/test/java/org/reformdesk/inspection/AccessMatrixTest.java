package org.reformdesk.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.AccessMatrixContract;
import org.reformdesk.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;

/** Who may write what in the inspection service (DOMAIN.md "Who uses it"). */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    @Inject
    ServiceClock clock;

    @Override
    protected Map<String, Set<String>> allowed() {
        Set<String> office = Set.of(REFORM_OFFICE);
        Set<String> supervision = Set.of(REFORM_OFFICE, INSPECTOR);
        return Map.ofEntries(
                entry("POST /api/v1/orders", supervision),
                entry("POST /api/v1/orders/{id}/transitions", Set.of(REFORM_OFFICE, INSPECTOR, UNIT_OFFICER)),
                entry("POST /api/v1/orders/escalation-sweeps", office),
                entry("POST /api/v1/accountability-records", office),
                entry("POST /api/v1/inspections", supervision),
                entry("POST /api/v1/inspections/{id}/findings", supervision),
                entry("POST /api/v1/findings/{id}/rectification-items", supervision),
                entry("POST /api/v1/rectification-items/{id}/reports", Set.of(REFORM_OFFICE, UNIT_OFFICER)),
                entry("POST /api/v1/rectification-items/{id}/reports/{reportId}/evidence",
                        Set.of(REFORM_OFFICE, UNIT_OFFICER)),
                entry("POST /api/v1/rectification-items/{id}/re-inspections", supervision),
                entry("POST /api/v1/rectification-items/overdue-sweeps", office),
                entry("PUT /api/v1/working-calendar/{day}", office),
                entry("PUT /api/v1/working-calendar/years/{year}", office),
                entry("DELETE /api/v1/working-calendar/{day}", office));
    }

    @Override
    protected List<Call> unitWrites(UUID unit) {
        String acknowledged = order(unit);
        String answered = order(unit);
        String item = rectification(unit);
        return List.of(
                new Call("POST", "/api/v1/orders/" + acknowledged + "/transitions", Map.of("action", "ACKNOWLEDGE"),
                        "/api/v1/orders/" + acknowledged + "/history"),
                new Call("POST", "/api/v1/orders/" + answered + "/transitions",
                        Map.of("action", "ANSWER", "note", "已制定整改方案"), "/api/v1/orders/" + answered + "/history"),
                new Call("POST", "/api/v1/rectification-items/" + item + "/reports",
                        Map.of("content", "已在政务网公开清单"), "/api/v1/rectification-items/" + item));
    }

    @Override
    protected List<Read> unitReads(UUID unit) {
        return List.of(new Read("/api/v1/orders/" + order(unit), "/api/v1/orders"),
                new Read("/api/v1/rectification-items/" + rectification(unit), "/api/v1/rectification-items"),
                new Read("/api/v1/findings/" + finding(unit), "/api/v1/findings"));
    }

    private String order(UUID unit) {
        return office().body(Map.of("subjectType", "TASK", "subjectId", UUID.randomUUID().toString(),
                        "subjectTitle", "KM-2016-0042 推进户籍制度改革", "targetUnitId", unit.toString(),
                        "basis", "市委书记批示：请改革办督促落实"))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private String finding(UUID unit) {
        String inspection = office().body(Map.of("title", "季度督察", "type", "QUARTERLY", "method", "ON_SITE",
                        "scope", "牵头单位", "startsOn", clock.today().toString(),
                        "endsOn", clock.today().plusDays(10).toString(), "inspectors", List.of("王督察")))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        return office().body(Map.of("description", "审批事项清单未按时公开", "severity", "MAJOR",
                        "unitId", unit.toString()))
                .post("/api/v1/inspections/{id}/findings", inspection).then().statusCode(201).extract().path("id");
    }

    private String rectification(UUID unit) {
        return office().body(Map.of("description", "整改", "dueOn", clock.today().plusDays(30).toString()))
                .post("/api/v1/findings/{id}/rectification-items", finding(unit))
                .then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification office() {
        return given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON);
    }
}
