package org.reformdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may write what, as data. Every write a service documents in its OpenAPI document is sent by each role of
 * DOMAIN.md and by a partner client: a role the service's table does not allow gets 403 problem+json and nothing is
 * written; an allowed role is let past the door (not 401/403). A write missing from the table fails, so a new
 * endpoint is covered the day it appears. Then the unit scope: a unit officer of another unit may not write to, nor
 * read, a unit's items, and does not see them in lists; the unit's own officer may, and the item's history or audit
 * names them. A service's test extends this as a {@code @QuarkusTest}.
 */
public abstract class AccessMatrixContract {

    /** The partner department's client in the table: a token with no role, only {@link #partnerScopes()}. */
    public static final String PARTNER = "partner";
    public static final String REFORM_OFFICE = "reform-office";
    public static final String GROUP_LIAISON = "group-liaison";
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String LEADER = "leader";
    public static final String INSPECTOR = "inspector";
    public static final String ASSESSOR = "assessor";
    public static final List<String> EVERYONE = List.of(REFORM_OFFICE, GROUP_LIAISON, UNIT_OFFICER, LEADER,
            INSPECTOR, ASSESSOR, PARTNER);

    /**
     * A concrete request: path, a JSON body or none, and where the write's history or audit shows who made it (a GET
     * the reform office may make; none for the matrix's made-up calls).
     */
    public record Call(String method, String path, Object body, String audit) {

        public Call(String method, String path, Object body) {
            this(method, path, body, null);
        }
    }

    /** A unit's item, and the collection that should list it to that unit's officer and hide it from others. */
    public record Read(String item, String list) {
    }

    /**
     * "METHOD /template" (as in the OpenAPI document) → the roles (and {@link #PARTNER}) that may make that write; the
     * platform's own PUT /api/v1/clock (the reform office's, in tests and the demo) is added here.
     */
    protected abstract Map<String, Set<String>> allowed();

    /** The matrix's partner client carries every partner scope there is, so only the table decides what it may write. */
    private static List<String> partnerScopes() {
        return List.of("ledger:read", "progress:write", "rankings:read");
    }

    /**
     * A real call for an operation whose refusal the service can only decide after finding the item (e.g. a
     * transition the unit officer may make on their own unit's task), made for an item of {@code unit}; empty for
     * the others, which are sent with made-up ids and an empty body and must be refused at the door.
     */
    protected Optional<Call> realCall(String operation, UUID unit) {
        return Optional.empty();
    }

    /** A unit for the matrix's tokens and items: made up, or made in the service where its items need one. */
    protected UUID newUnit() {
        return UUID.randomUUID();
    }

    /** Writes a unit officer of {@code unit} may make on that unit's items (freshly made for each call). */
    protected abstract List<Call> unitWrites(UUID unit);

    /**
     * The special group whose liaison the matrix's group-liaison token for {@code unit} stands for (its {@code group}
     * claim), where the service's items of that unit belong to one; none by default, and the token names no group.
     */
    protected Optional<UUID> groupOf(UUID unit) {
        return Optional.empty();
    }

    /** Writes a group liaison of {@code group} may make on that special group's items (freshly made for each call). */
    protected List<Call> groupWrites(UUID group) {
        return List.of();
    }

    /** Items of {@code unit}, and lists that show them. */
    protected abstract List<Read> unitReads(UUID unit);

    private record Case(String operation, String role, Call call) {
    }

    @TestFactory
    Stream<DynamicTest> everyRoleWritesOnlyWhatTheTableAllowsAndUnitOfficersStayInTheirUnit() {
        JsonNode api = OpenApiDocument.fetch();
        Map<String, Set<String>> table = new HashMap<>(allowed());
        table.put("PUT /api/v1/clock", Set.of(REFORM_OFFICE));
        UUID unit = newUnit();
        List<String> operations = new ArrayList<>();
        List<Case> refused = new ArrayList<>();
        List<Case> admitted = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                String method = operation.getKey().toUpperCase();
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    return;
                }
                String key = method + " " + path.getKey();
                operations.add(key);
                Set<String> roles = table.getOrDefault(key, Set.of());
                for (String role : EVERYONE) {
                    Call call = realCall(key, unit).orElseGet(() -> madeUp(method,
                            OpenApiDocument.path(api, path.getKey(), operation.getValue(), Map.of()),
                            operation.getValue()));
                    (roles.contains(role) ? admitted : refused).add(new Case(key, role, call));
                }
            });
        });
        UUID elsewhere = UUID.randomUUID();
        UUID home = newUnit();
        List<Call> foreignWrites = unitWrites(home);
        List<Call> ownWrites = unitWrites(home);
        List<Read> reads = unitReads(home);
        Map<String, Long> before = HostileInputContract.quietTables();

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every documented write is in the table", () -> {
            assertThat(operations).as("the OpenAPI document lists the service's writes").isNotEmpty();
            assertThat(new TreeSet<>(table.keySet())).as("the table").containsAll(new TreeSet<>(operations));
            assertThat(new TreeSet<>(operations)).as("writes the OpenAPI document lists")
                    .containsAll(new TreeSet<>(table.keySet()));
        }));
        for (Case refusal : refused) {
            tests.add(DynamicTest.dynamicTest(refusal.operation() + " as " + refusal.role() + ": 403",
                    () -> forbidden(send(refusal.call(), token(refusal.role(), unit)))));
        }
        for (Call call : foreignWrites) {
            tests.add(DynamicTest.dynamicTest(call.method() + " " + call.path() + " by another unit's officer: 403",
                    () -> forbidden(send(call, token(UNIT_OFFICER, elsewhere)))));
        }
        tests.add(DynamicTest.dynamicTest("nothing refused was written", () -> {
            Map<String, Long> after = HostileInputContract.rowCounts();
            after.keySet().retainAll(before.keySet());
            assertThat(after).isEqualTo(before);
        }));
        for (Read read : reads) {
            String id = read.item().replaceAll(".*/([0-9a-f-]{36}).*", "$1");
            tests.add(DynamicTest.dynamicTest("GET " + read.item() + " by another unit's officer: 403",
                    () -> forbidden(given().auth().oauth2(token(UNIT_OFFICER, elsewhere)).get(read.item()))));
            tests.add(DynamicTest.dynamicTest("GET " + read.list() + " by another unit's officer leaves it out", () -> {
                Response response = given().auth().oauth2(token(UNIT_OFFICER, elsewhere)).get(read.list());
                assertThat(response.statusCode()).as("status").isEqualTo(200);
                assertThat(response.asString()).doesNotContain(id);
            }));
            tests.add(DynamicTest.dynamicTest("GET " + read.list() + " by its own unit's officer shows it", () -> {
                Response response = given().auth().oauth2(token(UNIT_OFFICER, home)).get(read.list());
                assertThat(response.statusCode()).as("status").isEqualTo(200);
                assertThat(response.asString()).contains(id);
            }));
        }
        for (Case admission : admitted) {
            tests.add(DynamicTest.dynamicTest(admission.operation() + " as " + admission.role() + ": let in", () -> {
                Response response = send(admission.call(), token(admission.role(), unit));
                assertThat(response.statusCode()).as("status of " + response.asString()).isNotIn(401, 403);
            }));
        }
        for (Call call : ownWrites) {
            tests.add(DynamicTest.dynamicTest(call.method() + " " + call.path() + " by its own unit's officer: done",
                    () -> {
                        Response response = send(call, token(UNIT_OFFICER, home));
                        assertThat(response.statusCode()).as("status of " + response.asString()).isBetween(200, 299);
                        if (call.audit() != null) {
                            assertThat(given().auth().oauth2(TestTokens.reformOffice()).get(call.audit()).asString())
                                    .as("who made it, in " + call.audit()).contains(username(UNIT_OFFICER, home));
                        }
                    }));
        }
        return tests.stream();
    }

    /**
     * The group scope, where the service's items belong to special groups: a liaison of another group may not make
     * the writes a group's liaison may, and writes nothing; the group's own liaison may, and the item's history or
     * audit names them.
     */
    @TestFactory
    Stream<DynamicTest> groupLiaisonsActOnlyOnTheirOwnGroupsItems() {
        UUID home = newUnit();
        Optional<UUID> group = groupOf(home);
        if (group.isEmpty()) {
            return Stream.empty();
        }
        List<Call> foreignWrites = groupWrites(group.get());
        List<Call> ownWrites = groupWrites(group.get());
        String stranger = TestTokens.mint().groupLiaisonToken("liaison-elsewhere", UUID.randomUUID());
        String own = TestTokens.mint().groupLiaisonToken(username(GROUP_LIAISON, home), group.get());
        Map<String, Long> before = HostileInputContract.quietTables();
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : foreignWrites) {
            tests.add(DynamicTest.dynamicTest(call.method() + " " + call.path() + " by another group's liaison: 403",
                    () -> forbidden(send(call, stranger))));
        }
        tests.add(DynamicTest.dynamicTest("nothing another group's liaison tried was written", () -> {
            Map<String, Long> after = HostileInputContract.rowCounts();
            after.keySet().retainAll(before.keySet());
            assertThat(after).isEqualTo(before);
        }));
        for (Call call : ownWrites) {
            tests.add(DynamicTest.dynamicTest(call.method() + " " + call.path() + " by its own group's liaison: done",
                    () -> {
                        Response response = send(call, own);
                        assertThat(response.statusCode()).as("status of " + response.asString()).isBetween(200, 299);
                        if (call.audit() != null) {
                            assertThat(given().auth().oauth2(TestTokens.reformOffice()).get(call.audit()).asString())
                                    .as("who made it, in " + call.audit()).contains(username(GROUP_LIAISON, home));
                        }
                    }));
        }
        return tests.stream();
    }

    @Test
    void theOpenApiDocumentNamesTheUsersSchemeAndThePartnerScopes() {
        JsonNode api = OpenApiDocument.fetch();
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(schemes.path("user-jwt").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("user-jwt").path("scheme").asText()).isEqualTo("bearer");
        Set<String> declared = new TreeSet<>();
        schemes.path("partner-client").path("flows").path("clientCredentials").path("scopes").fieldNames()
                .forEachRemaining(declared::add);
        Set<String> used = new TreeSet<>();
        api.path("paths").forEach(item -> item.forEach(operation -> partnerScopes(operation).forEach(used::add)));
        assertThat(declared).as("the partner-client scheme's scopes are those the operations take").isEqualTo(used);
        if (!declared.isEmpty()) {
            assertThat(schemes.path("partner-client").path("type").asText()).isEqualTo("oauth2");
        }
        allowed().forEach((operation, roles) -> {
            if (roles.contains(PARTNER)) {
                String[] parts = operation.split(" ", 2);
                JsonNode security = api.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("security");
                assertThat(security.toString()).as(operation + " names the partner scheme").contains("partner-client");
            }
        });
    }

    /**
     * The document against what the service does: every operation that answers 401 without a token declares the
     * bearer scheme, and a partner token carrying one scope is let in exactly where the document names that scope on
     * the operation (PartnerGate's configuration), and is 403 everywhere else.
     */
    @TestFactory
    Stream<DynamicTest> theOpenApiDocumentDeclaresTheSecurityEveryOperationEnforces() {
        JsonNode api = OpenApiDocument.fetch();
        List<DynamicTest> tests = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase();
            JsonNode operation = entry.getValue();
            String key = method + " " + path.getKey();
            Call call = madeUp(method, OpenApiDocument.path(api, path.getKey(), operation, Map.of()), operation);
            Set<String> scopes = new TreeSet<>(partnerScopes(operation));
            tests.add(DynamicTest.dynamicTest(key + " without a token: 401, and the document says it takes one", () -> {
                Response response = send(call, null);
                assertThat(response.statusCode()).as("status of " + response.asString()).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(operation.path("security").toString()).as("its security in the document")
                        .contains("user-jwt");
            }));
            for (String scope : partnerScopes()) {
                boolean admitted = scopes.contains(scope);
                tests.add(DynamicTest.dynamicTest(key + " by a partner with " + scope + ": "
                        + (admitted ? "let in, as documented" : "403, as documented"), () -> {
                    Response response = send(call, TestTokens.partner(scope));
                    if (admitted) {
                        assertThat(response.statusCode()).as("status of " + response.asString()).isNotIn(401, 403);
                    } else {
                        forbidden(response);
                    }
                }));
            }
        }));
        assertThat(tests).as("the OpenAPI document lists the service's operations").isNotEmpty();
        return tests.stream();
    }

    /** The partner scopes the document names on an operation. */
    private static List<String> partnerScopes(JsonNode operation) {
        List<String> scopes = new ArrayList<>();
        operation.path("security").forEach(requirement -> requirement.path("partner-client")
                .forEach(scope -> scopes.add(scope.asText())));
        return scopes;
    }

    private void forbidden(Response response) {
        assertThat(response.statusCode()).as("status of " + response.asString()).isEqualTo(403);
        assertThat(response.contentType()).as("content type").startsWith("application/problem+json");
    }

    private String token(String role, UUID unit) {
        if (role.equals(PARTNER)) {
            return TestTokens.partner(partnerScopes().toArray(String[]::new));
        }
        Optional<UUID> group = role.equals(GROUP_LIAISON) ? groupOf(unit) : Optional.empty();
        if (group.isPresent()) {
            return TestTokens.mint().groupLiaisonToken(username(role, unit), group.get());
        }
        return TestTokens.mint().personToken(username(role, unit), UUID.randomUUID(), unit, List.of(role));
    }

    /** The acting subject a matrix token names (its preferred_username). */
    private static String username(String role, UUID unit) {
        return role + "-" + unit.toString().substring(0, 8);
    }

    private static Response send(Call call, String token) {
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        if (call.body() instanceof Upload upload) {
            request = request.contentType(upload.contentType()).body(new byte[] {1, 2, 3});
        } else if (call.body() != null) {
            request = request.contentType("application/json").body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    /** A made-up upload of a file type the operation consumes (a spreadsheet, say). */
    private record Upload(String contentType) {
    }

    /** The operation at {@code path} (its parameters made up) with an empty body of the type it consumes. */
    private static Call madeUp(String method, String path, JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        if (!types.hasNext()) {
            return new Call(method, path, null);
        }
        String type = types.next();
        return new Call(method, path, type.equals("application/json") ? Map.of() : new Upload(type));
    }
}
