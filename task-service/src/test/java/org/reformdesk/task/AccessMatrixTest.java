package org.reformdesk.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.AccessMatrixContract;
import org.reformdesk.testing.TestTokens;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;

/** Who may write what in the task service (DOMAIN.md "Who uses it"). */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    private static final String REPORTS = "POST /api/v1/tasks/{id}/reports";

    @Inject
    ServiceClock clock;

    @Override
    protected Map<String, Set<String>> allowed() {
        Set<String> office = Set.of(REFORM_OFFICE);
        Set<String> leadUnit = Set.of(REFORM_OFFICE, UNIT_OFFICER);
        return Map.ofEntries(
                entry("POST /api/v1/tasks", office),
                entry("POST /api/v1/tasks/{id}/transitions", leadUnit),
                entry("POST /api/v1/tasks/{id}/deadline-adjustments", office),
                entry("POST /api/v1/tasks/{id}/milestones", office),
                entry("PUT /api/v1/tasks/{id}/milestones/{milestoneId}", leadUnit),
                entry(REPORTS, Set.of(REFORM_OFFICE, UNIT_OFFICER, PARTNER)),
                entry("POST /api/v1/tasks/sheet", office),
                entry("POST /api/v1/deadline-sweeps", office),
                entry("POST /api/v1/units", office),
                entry("PUT /api/v1/units/{id}", office),
                entry("POST /api/v1/groups", office),
                entry("PUT /api/v1/groups/{id}", office),
                entry("POST /api/v1/people", office),
                entry("PUT /api/v1/people/{id}", office),
                entry("DELETE /api/v1/people/{id}", office));
    }

    @Override
    protected UUID newUnit() {
        return LedgerFixtures.unit("A", "DEPARTMENT");
    }

    /** Reports are checked against the task's lead unit, so the refusal needs a real task and a valid report. */
    @Override
    protected Optional<Call> realCall(String operation, UUID unit) {
        return operation.equals(REPORTS) ? Optional.of(report(unit)) : Optional.empty();
    }

    @Override
    protected List<Call> unitWrites(UUID unit) {
        UUID task = task(unit);
        UUID milestone = UUID.fromString(given().auth().oauth2(TestTokens.reformOffice())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "出台方案", "dueOn", clock.today().plusDays(10).toString()))
                .post("/api/v1/tasks/{id}/milestones", task)
                .then().statusCode(201).extract().path("milestones[0].id"));
        UUID started = task(unit);
        UUID reported = task(unit);
        return List.of(
                new Call("POST", "/api/v1/tasks/" + started + "/transitions", Map.of("action", "START"),
                        "/api/v1/tasks/" + started + "/history"),
                new Call("PUT", "/api/v1/tasks/" + task + "/milestones/" + milestone, Map.of("done", true),
                        "/api/v1/tasks/" + task + "/history"),
                new Call("POST", "/api/v1/tasks/" + reported + "/reports", report(),
                        "/api/v1/tasks/" + reported + "/reports/" + YearMonth.from(clock.today())));
    }

    @Override
    protected List<Read> unitReads(UUID unit) {
        UUID task = task(unit);
        return List.of(new Read("/api/v1/tasks/" + task, "/api/v1/tasks"),
                new Read("/api/v1/tasks/" + task + "/history", "/api/v1/tasks?status=ASSIGNED"));
    }

    private Call report(UUID unit) {
        return new Call("POST", "/api/v1/tasks/" + task(unit) + "/reports", report());
    }

    private Map<String, Object> report() {
        return Map.of("period", YearMonth.from(clock.today()).toString(), "percent", 40, "narrative", "已完成调研");
    }

    private UUID task(UUID unit) {
        return LedgerFixtures.task(unit, clock.today().plusDays(30));
    }
}
