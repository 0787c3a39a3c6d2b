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
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;

/** Who may write what in the task service (DOMAIN.md "Who uses it"). */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    private static final String REPORTS = "POST /api/v1/tasks/{id}/reports";

    /** The special group of each matrix unit, whose liaison the matrix's group-liaison token stands for. */
    private final Map<UUID, UUID> groups = new ConcurrentHashMap<>();

    @Inject
    ServiceClock clock;

    @Override
    protected Map<String, Set<String>> allowed() {
        Set<String> office = Set.of(REFORM_OFFICE);
        Set<String> leadUnit = Set.of(REFORM_OFFICE, UNIT_OFFICER);
        Set<String> leadUnitOrGroup = Set.of(REFORM_OFFICE, UNIT_OFFICER, GROUP_LIAISON);
        return Map.ofEntries(
                entry("POST /api/v1/tasks", office),
                entry("PATCH /api/v1/tasks/{id}", office),
                entry("POST /api/v1/tasks/{id}/reassignments", office),
                entry("POST /api/v1/tasks/{id}/transitions", leadUnitOrGroup),
                entry("POST /api/v1/tasks/{id}/extension-requests", leadUnitOrGroup),
                entry("POST /api/v1/extension-requests/{requestId}/decision", office),
                entry("POST /api/v1/tasks/{id}/deadline-adjustments", office),
                entry("POST /api/v1/tasks/{id}/milestones", office),
                entry("PUT /api/v1/tasks/{id}/milestones/{milestoneId}", leadUnit),
                entry(REPORTS, Set.of(REFORM_OFFICE, UNIT_OFFICER, GROUP_LIAISON, PARTNER)),
                entry("POST /api/v1/tasks/{id}/reports/{period}/evidence", leadUnitOrGroup),
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

    /** Each matrix unit is a member of a special group of its own, which coordinates the unit's tasks. */
    @Override
    protected UUID newUnit() {
        UUID unit = LedgerFixtures.unit("A", "DEPARTMENT");
        groups.put(unit, LedgerFixtures.group(unit));
        return unit;
    }

    @Override
    protected Optional<UUID> groupOf(UUID unit) {
        return Optional.ofNullable(groups.get(unit));
    }

    @Override
    protected List<Call> groupWrites(UUID group) {
        UUID unit = groups.entrySet().stream().filter(e -> e.getValue().equals(group)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        UUID reported = task(unit);
        UUID closing = task(unit);
        UUID extended = task(unit);
        return List.of(
                new Call("POST", "/api/v1/tasks/" + reported + "/reports", report(),
                        "/api/v1/tasks/" + reported + "/reports/" + YearMonth.from(clock.today())),
                new Call("POST", "/api/v1/tasks/" + closing + "/transitions", Map.of("action", "REQUEST_CLOSE"),
                        "/api/v1/tasks/" + closing + "/history"),
                new Call("POST", "/api/v1/tasks/" + extended + "/extension-requests", extension(),
                        "/api/v1/tasks/" + extended + "/history"));
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
        UUID extended = task(unit);
        return List.of(
                new Call("POST", "/api/v1/tasks/" + started + "/transitions", Map.of("action", "START"),
                        "/api/v1/tasks/" + started + "/history"),
                new Call("POST", "/api/v1/tasks/" + extended + "/extension-requests", extension(),
                        "/api/v1/tasks/" + extended + "/history"),
                new Call("PUT", "/api/v1/tasks/" + task + "/milestones/" + milestone, Map.of("done", true),
                        "/api/v1/tasks/" + task + "/history"),
                new Call("POST", "/api/v1/tasks/" + reported + "/reports", report(),
                        "/api/v1/tasks/" + reported + "/reports/" + YearMonth.from(clock.today())));
    }

    @Override
    protected List<Read> unitReads(UUID unit) {
        UUID task = task(unit);
        String request = given().auth().oauth2(TestTokens.reformOffice()).contentType(ContentType.JSON)
                .body(extension()).post("/api/v1/tasks/{id}/extension-requests", task)
                .then().statusCode(201).extract().path("id");
        return List.of(new Read("/api/v1/tasks/" + task, "/api/v1/tasks"),
                new Read("/api/v1/tasks/" + task + "/history", "/api/v1/tasks?status=ASSIGNED"),
                new Read("/api/v1/extension-requests/" + request, "/api/v1/extension-requests?state=PENDING"));
    }

    private Map<String, Object> extension() {
        return Map.of("requestedDeadline", clock.today().plusDays(60).toString(), "reason", "待省级配套政策出台");
    }

    private Call report(UUID unit) {
        return new Call("POST", "/api/v1/tasks/" + task(unit) + "/reports", report());
    }

    private Map<String, Object> report() {
        return Map.of("period", YearMonth.from(clock.today()).toString(), "percent", 40, "narrative", "已完成调研");
    }

    /** A task of the unit, coordinated by the unit's special group. */
    private UUID task(UUID unit) {
        UUID group = groups.get(unit);
        return LedgerFixtures.task(Map.of("title", "深化行政审批制度改革", "leadUnitId", unit.toString(),
                "groupId", group.toString(), "responsiblePersonId", UUID.randomUUID().toString(),
                "deadline", clock.today().plusDays(30).toString()));
    }
}
