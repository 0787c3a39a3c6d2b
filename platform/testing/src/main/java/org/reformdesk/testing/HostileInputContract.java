package org.reformdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, by class, against everything a service documents in its OpenAPI document: every write's body and
 * every query and path parameter of every operation. The cases are generated from the document, never listed, so a
 * new endpoint, field or parameter is covered the day it appears:
 * <ul>
 * <li>broken bodies: broken JSON, the wrong shape, an array, no fields, unknown fields only, each property of the
 * wrong type, huge strings and arrays carrying SQL and script, a wrong content type, 10,000 levels of nesting;</li>
 * <li>a VALID body (built from the schema, or the service's {@link #validBodies() sample}) with exactly one hostile
 * field, for every field at any depth: a repeated key, NUL, another control character, a lone surrogate, invalid
 * UTF-8 bytes, numbers at and past their type's limits, a huge exponent, NaN-like strings, an unknown enum value, a
 * malformed or out-of-range date or UUID — refused with a 400 that names that field and no other;</li>
 * <li>every query and path parameter with NUL, a control character, invalid UTF-8, a lone surrogate, and what its
 * type cannot hold (an unknown enum value, a malformed UUID or date, a number past its type's limits, a boolean that
 * is neither) — refused with a 400 naming the parameter; paging out of range;</li>
 * <li>each operation's address over-long, its headers too large, an unknown method, an unacceptable media type;
 * one body too large and one unknown path per service.</li>
 * </ul>
 * Each must get a 4xx {@code application/problem+json} that names no internals, and nothing may be written. A
 * service's test extends this as a {@code @QuarkusTest}; the test prints its number of cases.
 */
public abstract class HostileInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FRAGMENTS = "'; DROP TABLE outbox_event; -- <script>alert(1)</script> ${jndi:x} ";
    private static final String HUGE = FRAGMENTS.repeat(300);
    private static final int DEEP = 10_000;
    /** What a problem body must never show: stack frames, SQL, driver or framework internals. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at java.", "SQL",
            "jdbc", "org.hibernate", "PSQL", "io.quarkus", "jakarta.", "com.fasterxml", "jackson", "vertx", "netty",
            "java.lang", "java.util");
    /** Every role but the unit officer's, so validation is reached rather than a 403 at the door. */
    private static final String[] ROLES = {"reform-office", "group-liaison", "leader", "inspector", "assessor"};
    /** Values a pattern-constrained string of a valid body is tried with, in order. */
    private static final List<String> PATTERN_CANDIDATES = List.of("X1", "2026-06", "2026", "zh-CN",
            "+86 871 6000 0000", "2026-06-30");
    /** Stands where a hostile value goes into a valid body's JSON text. */
    private static final String MARKER = "@@hostile@@";
    private static final Pattern WORDS = Pattern.compile("[A-Z_]+(\\|[A-Z_]+)+");

    /** What a case expects besides a 4xx problem+json without internals. */
    private record Expect(List<Integer> statuses, String naming, String onlyNaming) {

        static Expect clientError() {
            return new Expect(List.of(), null, null);
        }

        static Expect status(Integer... statuses) {
            return new Expect(List.of(statuses), null, null);
        }

        /** A 400 whose field list names {@code parameter}. */
        static Expect naming(String parameter) {
            return new Expect(List.of(400), parameter, null);
        }

        /** A 400 whose field list names {@code field} (or a path inside it) and nothing else. */
        static Expect onlyNaming(String field) {
            return new Expect(List.of(400), null, field);
        }
    }

    private record Attack(String kind, String name, String method, String path, Map<String, String> headers,
            String contentType, byte[] body, Expect expect) {
    }

    /**
     * A valid JSON body for a write, by "METHOD /template" as the OpenAPI document names it, where the one built from
     * the schema would not pass the service's own rules (a field whose format only the service knows).
     */
    protected Map<String, String> validBodies() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicTest> everyWriteAndParameterRefusesHostileInputWithAProblemAndWritesNothing() {
        JsonNode api = OpenApiDocument.fetch();
        List<Attack> attacks = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation ->
                    attacks.addAll(attacks(api, operation.getKey().toUpperCase(), path.getKey(), operation.getValue())));
            String address = OpenApiDocument.path(api, path.getKey(), path.getValue().elements().next(), Map.of());
            // a method no operation takes at this address: /people/me is also /people/{id}, whose DELETE it reaches
            Set<String> taken = methodsAt(api, address);
            Stream.of("DELETE", "PATCH", "PUT", "POST").filter(m -> !taken.contains(m)).findFirst().ifPresent(unknown ->
                    attacks.add(new Attack("unknown method", unknown, unknown, address, Map.of(), null, null,
                            // RESTEasy Reactive answers 404 where another resource class shares the path's beginning
                            Expect.status(405, 404))));
        });
        assertThat(attacks).as("the OpenAPI document lists the service's operations").isNotEmpty();
        attacks.addAll(serviceWide(attacks));
        Map<String, Long> perClass = new TreeMap<>();
        attacks.forEach(attack -> perClass.merge(attack.kind(), 1L, Long::sum));
        System.out.printf("HostileInputContract %s: %d cases (%d classes) %s%n",
                ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class).orElse("?"),
                attacks.size() + 1, perClass.size(), perClass);
        Map<String, Long> before = quietTables();
        Stream<DynamicTest> each = attacks.stream().map(attack -> DynamicTest.dynamicTest(
                attack.method() + " " + shorten(attack.path()) + ": " + attack.name(), () -> refused(attack)));
        DynamicTest nothingWritten = DynamicTest.dynamicTest("nothing was written", () -> {
            Map<String, Long> after = rowCounts();
            after.keySet().retainAll(before.keySet());
            assertThat(after).isEqualTo(before);
        });
        return Stream.concat(each, Stream.of(nothingWritten));
    }

    /** The methods of every operation whose path template matches {@code address} (its query left out). */
    private static Set<String> methodsAt(JsonNode api, String address) {
        String bare = address.contains("?") ? address.substring(0, address.indexOf('?')) : address;
        Set<String> methods = new LinkedHashSet<>();
        api.path("paths").fields().forEachRemaining(path -> {
            if (bare.matches(path.getKey().replaceAll("\\{[^/]+}", "[^/]+"))) {
                path.getValue().fieldNames().forEachRemaining(method -> methods.add(method.toUpperCase()));
            }
        });
        return methods;
    }

    private List<Attack> attacks(JsonNode api, String method, String template, JsonNode operation) {
        List<Attack> attacks = new ArrayList<>();
        String path = OpenApiDocument.path(api, template, operation, Map.of());
        attacks.addAll(parameterAttacks(api, method, template, operation));
        attacks.add(new Attack("over-long URI", "an address of 5,000 characters", method,
                path + (path.contains("?") ? "&" : "?") + "zzz=" + "a".repeat(5_000), Map.of(), null, null,
                Expect.status(414)));
        attacks.add(new Attack("over-long headers", "a header of 30,000 characters", method, path,
                Map.of("X-Padding", "a".repeat(30_000)), null, null, Expect.status(431)));
        if (method.equals("GET")) {
            attacks.add(new Attack("unacceptable media type", "Accept: application/xml", method, path,
                    Map.of("Accept", "application/xml"), null, null, Expect.status(406)));
            if (hasQueryParameter(operation, "size")) {
                attacks.add(query("paging", "size=0", method, path, "size", "0"));
                attacks.add(query("paging", "size=100000", method, path, "size", "100000"));
                attacks.add(query("paging", "page=-1", method, path, "page", "-1"));
            }
            return attacks;
        }
        JsonNode schema = OpenApiDocument.resolve(api, operation.path("requestBody").path("content").path("application/json")
                .path("schema"));
        if (!List.of("POST", "PUT", "PATCH").contains(method) || schema.isMissingNode()) {
            return attacks;
        }
        attacks.add(body("broken body", "broken JSON", method, path, "{\"title\": ", Expect.clientError()));
        attacks.add(new Attack("broken body", "wrong content type", method, path, Map.of(), "text/plain",
                bytes("title=x"), Expect.status(415)));
        attacks.add(body("deep nesting", DEEP + " nested arrays", method, path,
                "[".repeat(DEEP) + "]".repeat(DEEP), Expect.clientError()));
        attacks.add(body("deep nesting", DEEP + " nested objects", method, path,
                "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP), Expect.clientError()));
        JsonNode properties = schema.path("properties");
        if (!schema.path("type").asText("object").equals("object") || properties.isEmpty()) {
            return attacks;
        }
        attacks.add(body("broken body", "an array, not an object", method, path, "[1, 2, 3]", Expect.clientError()));
        boolean required = !schema.path("required").isEmpty();
        if (required) {
            attacks.add(body("broken body", "no fields", method, path, "{}", Expect.clientError()));
            attacks.add(body("broken body", "only unknown fields", method, path, "{\"zzz\": 1}",
                    Expect.clientError()));
        }
        ObjectNode huge = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode type = OpenApiDocument.resolve(api, property.getValue());
            ObjectNode wrong = JSON.createObjectNode();
            wrong.set(property.getKey(), wrongValue(type));
            attacks.add(body("wrong type", property.getKey() + " of the wrong type", method, path, wrong.toString(),
                    Expect.clientError()));
            JsonNode hugeValue = hugeValue(type);
            if (hugeValue != null) {
                huge.set(property.getKey(), hugeValue);
            }
        }
        if (!huge.isEmpty() && (required || huge.size() == properties.size())) {
            attacks.add(body("huge values", "huge strings and arrays with SQL and script", method, path,
                    huge.toString(), Expect.clientError()));
        }
        String key = method + " " + template;
        ObjectNode valid = Optional.ofNullable(validBodies().get(key)).map(HostileInputContract::object)
                .orElseGet(() -> (ObjectNode) validValue(api, schema, ""));
        attacks.addAll(validBodyAttacks(api, method, path, schema, valid));
        return attacks;
    }

    /** A valid body with exactly one hostile field, for every field of the body at any depth. */
    private static List<Attack> validBodyAttacks(JsonNode api, String method, String path, JsonNode schema,
            ObjectNode valid) {
        List<Attack> attacks = new ArrayList<>();
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        leaves(api, schema, valid, "", leaves);
        for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
            String field = leaf.getKey();
            String property = field.replaceFirst("[.\\[].*", "");
            JsonNode type = leaf.getValue();
            Function<JsonNode, String> with = value -> replaced(valid, field, value).toString();
            String marked = with.apply(NODES.textNode(MARKER));
            Expect named = Expect.onlyNaming(property);
            String kind = type.path("type").asText("");
            if (type.has("enum")) {
                attacks.add(body("unknown enum value", field + " an unknown value", method, path,
                        with.apply(NODES.textNode("NO_SUCH_VALUE")), named));
            } else if (kind.equals("string")) {
                String format = type.path("format").asText("");
                for (String bad : switch (format) {
                    case "uuid" -> List.of("not-a-uuid", "3f2b8c1e-0a4d-4b7e-9c61-2d5e8f7a9b10-ffff");
                    case "date" -> List.of("2026-02-30", "+999999999-12-31", "0000-01-01");
                    case "date-time" -> List.of("2026-02-30T00:00:00Z", "+999999999-12-31T23:59:59Z");
                    case "local-time" -> List.of("24:00", "09:60", "9 o'clock");
                    default -> List.<String>of();
                }) {
                    attacks.add(body("malformed " + format, field + " = " + bad, method, path,
                            with.apply(NODES.textNode(bad)), named));
                }
                attacks.add(body("NUL", field + " with NUL", method, path,
                        with.apply(NODES.textNode("改革\u0000办")), named));
                attacks.add(body("control characters", field + " with U+0007", method, path,
                        with.apply(NODES.textNode("改革\u0007办")), named));
                attacks.add(body("control characters", field + " with U+009B", method, path,
                        with.apply(NODES.textNode("改革\u009b办")), named));
                attacks.add(body("lone surrogates", field + " with a lone high surrogate", method, path,
                        marked.replace(MARKER, "改革\\ud800"), named));
                attacks.add(body("lone surrogates", field + " with a lone low surrogate", method, path,
                        marked.replace(MARKER, "\\udc00改革"), named));
                attacks.add(new Attack("invalid UTF-8", field + " with the bytes FF C3 28", method, path, Map.of(),
                        "application/json", replaceBytes(marked, MARKER,
                        new byte[] {(byte) 0xff, (byte) 0xc3, 0x28}), named));
                attacks.add(new Attack("invalid UTF-8", field + " with an encoded surrogate (ED A0 80)", method,
                        path, Map.of(), "application/json", replaceBytes(marked, MARKER,
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), named));
            } else if (kind.equals("integer") || kind.equals("number")) {
                boolean int64 = type.path("format").asText("").equals("int64");
                List<String> bad = new ArrayList<>(int64
                        ? List.of("9223372036854775807", "9223372036854775808", "-9223372036854775809")
                        : kind.equals("integer") ? List.of("2147483647", "2147483648", "-2147483649")
                        : List.of("1.7976931348623157e308", "-1.7976931348623157e308"));
                bad.addAll(List.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890123456789"));
                for (String number : bad) {
                    attacks.add(body("number limits", field + " = " + number, method, path,
                            marked.replace("\"" + MARKER + "\"", number), named));
                }
                for (String notANumber : List.of("NaN", "Infinity", "-Infinity")) {
                    attacks.add(body("NaN-like strings", field + " = \"" + notANumber + "\"", method, path,
                            with.apply(NODES.textNode(notANumber)), named));
                }
            }
        }
        valid.fieldNames().forEachRemaining(property -> {
            String json = valid.toString();
            attacks.add(body("duplicate keys", property + " twice", method, path,
                    json.substring(0, json.length() - 1) + ",\"" + property + "\":"
                            + JSON.valueToTree(valid.get(property).isTextual() ? "X2" : valid.get(property)) + "}",
                    Expect.onlyNaming(property)));
        });
        if (valid.size() > 0) {
            String property = valid.fieldNames().next();
            attacks.add(body("deep nesting", property + " nested " + DEEP + " deep in a valid body", method, path,
                    with(valid, property, "[".repeat(DEEP) + "]".repeat(DEEP)), Expect.onlyNaming(property)));
        }
        return attacks;
    }

    /** Every query and path parameter with what its type cannot hold and what no text may carry. */
    private static List<Attack> parameterAttacks(JsonNode api, String method, String template, JsonNode operation) {
        List<Attack> attacks = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            if (!in.equals("query") && !in.equals("path")) {
                continue;
            }
            JsonNode type = OpenApiDocument.resolve(api, parameter.path("schema"));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("NUL", "%00");
            values.put("control characters", "%07");
            values.put("invalid UTF-8", "%FF%C3%28");
            values.put("lone surrogates", "%ED%A0%80");
            if (type.has("enum")) {
                values.put("unknown enum value", "NO_SUCH_VALUE");
            } else {
                switch (type.path("type").asText("") + "/" + type.path("format").asText("")) {
                    case "string/uuid" -> {
                        values.put("malformed uuid", "not-a-uuid");
                        values.put("malformed uuid, NUL inside", "3f2b8c1e-0a4d-4b7e-9c61-2d5e8f7a9b1%00");
                    }
                    case "string/date" -> {
                        values.put("malformed date", "2026-13-45");
                        values.put("date out of range", "%2B999999999-12-31");
                    }
                    case "integer/int64" -> {
                        values.put("number limits", "9223372036854775808");
                        values.put("NaN-like strings", "NaN");
                    }
                    case "integer/int32", "integer/" -> {
                        values.put("number limits", "2147483648");
                        values.put("number limits, negative", "-2147483649");
                        values.put("number limits, exponent", "1e400");
                        values.put("NaN-like strings", "NaN");
                    }
                    case "boolean/" -> values.put("malformed boolean", "maybe");
                    default -> {
                    }
                }
            }
            values.forEach((kind, value) -> {
                String path = in.equals("path") ? OpenApiDocument.path(api, template, operation, Map.of(name, value))
                        : OpenApiDocument.path(api, template, operation, Map.of()) + "?" + name + "=" + value;
                attacks.add(new Attack(kind.replaceFirst(",.*", ""), name + " " + kind + " (" + value + ")", method,
                        path, Map.of(), null, null, Expect.naming(name)));
            });
        }
        return attacks;
    }

    /** Once per service: a body over the limit and a path that leads nowhere. */
    private static List<Attack> serviceWide(List<Attack> attacks) {
        List<Attack> wide = new ArrayList<>();
        attacks.stream().filter(attack -> attack.kind().equals("wrong type")).findFirst().ifPresent(write -> wide.add(
                new Attack("body too large", "a body of 11 MiB", write.method(), write.path(), Map.of(),
                        "application/json", new byte[11 * 1024 * 1024], Expect.status(413))));
        wide.add(new Attack("unknown path", "a path that leads nowhere", "GET", "/api/v1/no-such-thing", Map.of(), null,
                null, Expect.status(404)));
        return wide;
    }

    private static void refused(Attack attack) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + attack.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestTokens.withRoles("fuzzer", null, ROLES));
        attack.headers().forEach(request::header);
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        request.method(attack.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String what = "[" + attack.kind() + "] " + attack.method() + " " + shorten(attack.path()) + ": "
                + attack.name() + " → ";
        assertThat(response.statusCode()).as(what + "status of " + body).isBetween(400, 499);
        assertThat(contentType).as(what + "content type of " + body).startsWith("application/problem+json");
        assertThat(INTERNALS).as(what + "internals in " + body).noneMatch(body::contains);
        Expect expect = attack.expect();
        if (!expect.statuses().isEmpty()) {
            assertThat(response.statusCode()).as(what + "status of " + body).isIn(expect.statuses());
        }
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).as(what + "status in " + body).isEqualTo(response.statusCode());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        if (expect.naming() != null) {
            assertThat(fields).as(what + "fields named in " + body).contains(expect.naming());
        }
        if (expect.onlyNaming() != null) {
            assertThat(fields).as(what + "fields named in " + body).isNotEmpty().allMatch(field ->
                    field.equals(expect.onlyNaming()) || field.startsWith(expect.onlyNaming() + ".")
                            || field.startsWith(expect.onlyNaming() + "["));
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static Attack body(String kind, String name, String method, String path, String json, Expect expect) {
        return new Attack(kind, name, method, path, Map.of(), "application/json", bytes(json), expect);
    }

    private static Attack query(String kind, String name, String method, String path, String parameter,
            String value) {
        return new Attack(kind, name, method, path + (path.contains("?") ? "&" : "?") + parameter + "=" + value,
                Map.of(), null, null, Expect.naming(parameter));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceBytes(String json, String marker, byte[] replacement) {
        byte[] whole = bytes(json);
        byte[] target = bytes(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = json.indexOf(marker);
        int from = bytes(json.substring(0, at)).length;
        out.write(whole, 0, from);
        out.write(replacement, 0, replacement.length);
        out.write(whole, from + target.length, whole.length - from - target.length);
        return out.toByteArray();
    }

    private static String shorten(String path) {
        return path.length() > 120 ? path.substring(0, 100) + "…(" + path.length() + " characters)" : path;
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("A sample body is not a JSON object: " + json, e);
        }
    }

    /** The valid body with the field at {@code path} (e.g. {@code milestones[0].name}) replaced by raw JSON text. */
    private static String with(ObjectNode valid, String property, String rawJson) {
        ObjectNode copy = valid.deepCopy();
        copy.put(property, MARKER);
        return copy.toString().replace("\"" + MARKER + "\"", rawJson);
    }

    private static ObjectNode replaced(ObjectNode valid, String path, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        JsonNode parent = copy;
        String[] steps = path.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private static JsonNode step(JsonNode node, String step) {
        return step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                : node.get(step);
    }

    /** Every scalar of {@code value} with its schema, by its path as the service names fields. */
    private static void leaves(JsonNode api, JsonNode schema, JsonNode value, String path, Map<String, JsonNode> out) {
        JsonNode type = OpenApiDocument.resolve(api, schema);
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> leaves(api, type.path("properties").path(field.getKey()),
                    field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                leaves(api, type.path("items"), value.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, type);
        }
    }

    /** A value the schema accepts: every property, each array with one item, text within its pattern and length. */
    private static JsonNode validValue(JsonNode api, JsonNode schema, String name) {
        JsonNode type = OpenApiDocument.resolve(api, schema);
        if (type.has("example")) {
            return type.get("example");
        }
        if (type.has("enum")) {
            return type.get("enum").get(0);
        }
        switch (type.path("type").asText(type.has("properties") ? "object" : "")) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                type.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                        validValue(api, property.getValue(), property.getKey())));
                return object;
            }
            case "array" -> {
                return JSON.createArrayNode().add(validValue(api, type.path("items"), name));
            }
            case "integer", "number" -> {
                return NODES.numberNode(type.has("minimum") ? type.path("minimum").asLong()
                        : type.has("maximum") ? Math.min(1, type.path("maximum").asLong()) : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "string" -> {
                return NODES.textNode(validText(type, name));
            }
            default -> {
                return NODES.textNode("样例");
            }
        }
    }

    private static String validText(JsonNode type, String name) {
        switch (type.path("format").asText("")) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "date" -> {
                return "2026-06-30";
            }
            case "date-time" -> {
                return "2026-06-30T09:00:00Z";
            }
            case "local-time" -> {
                return "09:00";
            }
            default -> {
            }
        }
        String pattern = type.path("pattern").asText("\\S");
        if (WORDS.matcher(pattern).matches()) {
            return pattern.split("\\|")[0];
        }
        if (name.equalsIgnoreCase("email")) {
            return "liaison@example.org";
        }
        int max = type.path("maxLength").asInt(Integer.MAX_VALUE);
        String text = "改革样例文字";
        if (pattern.equals("\\S") || Pattern.compile(pattern).matcher(text).matches()) {
            return text.substring(0, Math.min(text.length(), max));
        }
        return PATTERN_CANDIDATES.stream().filter(candidate -> Pattern.compile(pattern).matcher(candidate).matches())
                .findFirst().orElse(text);
    }

    /** A value JSON binding cannot accept for that type (numbers would be coerced into strings, objects not). */
    private static JsonNode wrongValue(JsonNode type) {
        if (type.has("enum")) {
            return NODES.textNode("NO_SUCH_VALUE");
        }
        return switch (type.path("type").asText("")) {
            case "integer", "number" -> NODES.textNode("not a number");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> JSON.createObjectNode().put("not", "an array");
            case "string" -> switch (type.path("format").asText("")) {
                case "uuid" -> NODES.textNode("not-a-uuid" + FRAGMENTS);
                case "date" -> NODES.textNode("2026-13-45");
                case "date-time" -> NODES.textNode("yesterday");
                case "local-time" -> NODES.textNode("noon");
                default -> JSON.createObjectNode().put("not", "a string");
            };
            default -> JSON.createArrayNode().add("not").add("an object");
        };
    }

    private static JsonNode hugeValue(JsonNode type) {
        if (type.path("type").asText("").equals("string") && !type.has("enum") && !type.has("format")) {
            return NODES.textNode(HUGE);
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

    private static boolean hasQueryParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText()) && "query".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
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
