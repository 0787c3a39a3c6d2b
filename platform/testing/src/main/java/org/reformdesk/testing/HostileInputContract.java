package org.reformdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint a service documents in its OpenAPI document, driven with bad input generated from that
 * document: broken JSON, the wrong JSON shape, each property of the wrong type or an unknown enum value, huge strings
 * and arrays with SQL and script fragments, a wrong content type; and every paged collection with out-of-range
 * paging. Each must get a 4xx application/problem+json that names no internals, and nothing may be written. A
 * service's test extends this as a {@code @QuarkusTest}; a new endpoint is covered without touching the test.
 */
public abstract class HostileInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAGMENTS = "'; DROP TABLE outbox_event; -- <script>alert(1)</script> ${jndi:x} ";
    private static final String HUGE = FRAGMENTS.repeat(300);
    /** What a problem body must never show: stack frames, SQL, driver or framework internals. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at java.", "SQL",
            "jdbc", "org.hibernate", "PSQL", "io.quarkus", "jakarta.");
    /** Every role but the unit officer's, so validation is reached rather than a 403 at the door. */
    private static final String[] ROLES = {"reform-office", "group-liaison", "leader", "inspector", "assessor"};

    private record Attack(String name, String method, String path, String contentType, String body) {
    }

    @TestFactory
    Stream<DynamicTest> everyWriteRefusesBadInputWithAProblemAndWritesNothing() {
        JsonNode api = openApi();
        List<Attack> attacks = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> attacks.addAll(
                    attacks(api, operation.getKey().toUpperCase(), path.getKey(), operation.getValue())));
        });
        assertThat(attacks).as("the OpenAPI document lists the service's writes").isNotEmpty();
        Map<String, Long> before = quietTables();
        Stream<DynamicTest> each = attacks.stream().map(attack -> DynamicTest.dynamicTest(
                attack.method() + " " + attack.path() + ": " + attack.name(), () -> refused(attack)));
        DynamicTest nothingWritten = DynamicTest.dynamicTest("nothing was written", () -> {
            Map<String, Long> after = rowCounts();
            after.keySet().retainAll(before.keySet());
            assertThat(after).isEqualTo(before);
        });
        return Stream.concat(each, Stream.of(nothingWritten));
    }

    private static List<Attack> attacks(JsonNode api, String method, String template, JsonNode operation) {
        String path = withParameters(template);
        List<Attack> attacks = new ArrayList<>();
        if (method.equals("GET")) {
            if (hasQueryParameter(operation, "size")) {
                String separator = path.contains("?") ? "&" : "?";
                attacks.add(new Attack("size=0", method, path + separator + "size=0", null, null));
                attacks.add(new Attack("size=100000", method, path + separator + "size=100000", null, null));
                attacks.add(new Attack("page=-1", method, path + separator + "page=-1", null, null));
            }
            return attacks;
        }
        JsonNode schema = resolve(api, operation.path("requestBody").path("content").path("application/json")
                .path("schema"));
        if (!List.of("POST", "PUT", "PATCH").contains(method) || schema.isMissingNode()) {
            return attacks;
        }
        attacks.add(new Attack("broken JSON", method, path, "application/json", "{\"title\": "));
        attacks.add(new Attack("wrong content type", method, path, "text/plain", "title=x"));
        JsonNode properties = schema.path("properties");
        if (!schema.path("type").asText("object").equals("object") || properties.isEmpty()) {
            return attacks;
        }
        attacks.add(new Attack("an array, not an object", method, path, "application/json", "[1, 2, 3]"));
        boolean required = !schema.path("required").isEmpty();
        if (required) {
            attacks.add(new Attack("no fields", method, path, "application/json", "{}"));
            attacks.add(new Attack("only unknown fields", method, path, "application/json", "{\"zzz\": 1}"));
        }
        ObjectNode huge = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode type = resolve(api, property.getValue());
            ObjectNode wrong = JSON.createObjectNode();
            wrong.set(property.getKey(), wrongValue(type));
            attacks.add(new Attack(property.getKey() + " of the wrong type", method, path, "application/json",
                    wrong.toString()));
            JsonNode hugeValue = hugeValue(type);
            if (hugeValue != null) {
                huge.set(property.getKey(), hugeValue);
            }
        }
        if (!huge.isEmpty() && (required || huge.size() == properties.size())) {
            attacks.add(new Attack("huge strings and arrays with SQL and script", method, path, "application/json",
                    huge.toString()));
        }
        return attacks;
    }

    private static void refused(Attack attack) {
        var request = given().auth().oauth2(TestTokens.withRoles("fuzzer", null, ROLES));
        if (attack.contentType() != null) {
            request = request.contentType(attack.contentType()).body(attack.body());
        }
        Response response = request.request(attack.method(), attack.path());
        assertThat(response.statusCode()).as("status").isBetween(400, 499);
        assertThat(response.contentType()).as("content type").startsWith("application/problem+json");
        String body = response.asString();
        assertThat(INTERNALS).as("internals in " + body).noneMatch(body::contains);
    }

    /** A value JSON binding cannot accept for that type (numbers would be coerced into strings, objects not). */
    private static JsonNode wrongValue(JsonNode type) {
        if (type.has("enum")) {
            return JSON.getNodeFactory().textNode("NO_SUCH_VALUE");
        }
        return switch (type.path("type").asText("")) {
            case "integer", "number" -> JSON.getNodeFactory().textNode("not a number");
            case "boolean" -> JSON.getNodeFactory().textNode("maybe");
            case "array" -> JSON.createObjectNode().put("not", "an array");
            case "string" -> switch (type.path("format").asText("")) {
                case "uuid" -> JSON.getNodeFactory().textNode("not-a-uuid" + FRAGMENTS);
                case "date" -> JSON.getNodeFactory().textNode("2026-13-45");
                case "date-time" -> JSON.getNodeFactory().textNode("yesterday");
                default -> JSON.createObjectNode().put("not", "a string");
            };
            default -> JSON.createArrayNode().add("not").add("an object");
        };
    }

    private static JsonNode hugeValue(JsonNode type) {
        if (type.path("type").asText("").equals("string") && !type.has("enum") && !type.has("format")) {
            return JSON.getNodeFactory().textNode(HUGE);
        }
        if (type.path("type").asText("").equals("array")) {
            ArrayNode array = JSON.createArrayNode();
            for (int i = 0; i < 2_000; i++) {
                array.add(FRAGMENTS);
            }
            return array;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null && schema.has("allOf") && schema.path("allOf").size() == 1) {
            ref = schema.path("allOf").get(0).path("$ref").asText(null);
        }
        if (ref == null) {
            return schema;
        }
        return api.at(ref.substring(1));
    }

    private static boolean hasQueryParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText()) && "query".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Path parameters filled with ids that exist nowhere: validation must refuse the body before any lookup. */
    private static String withParameters(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static JsonNode openApi() {
        try {
            return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        } catch (Exception e) {
            throw new IllegalStateException("The service's OpenAPI document is not readable", e);
        }
    }

    /**
     * The row counts of the tables nothing else is writing to right now (consumers of earlier tests' events may still
     * be busy in the shared test JVM), so a refused request that wrote anything at all shows up.
     */
    static Map<String, Long> quietTables() {
        Map<String, Long> first = rowCounts();
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Long> second = rowCounts();
        second.entrySet().removeIf(table -> !table.getValue().equals(first.get(table.getKey())));
        return second;
    }

    /** Every table's row count. */
    static Map<String, Long> rowCounts() {
        Config config = ConfigProvider.getConfig();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " ORDER BY tablename")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
