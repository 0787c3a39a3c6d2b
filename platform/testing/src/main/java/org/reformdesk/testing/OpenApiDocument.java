package org.reformdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The service's OpenAPI document as the running service serves it at /q/openapi, which the contracts are generated
 * from. Each fetch also keeps it in {@code target/openapi/openapi.json}, where the build's lint reads it (the
 * service's README, "OpenAPI lint").
 */
public final class OpenApiDocument {

    /** Where the lint of {@code ./mvnw verify} finds the document, relative to the service's module. */
    public static final Path FILE = Path.of("target", "openapi", "openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    public static JsonNode fetch() {
        String text = given().accept("application/json").get("/q/openapi?format=json").asString();
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text);
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("The service's OpenAPI document is not readable", e);
        }
    }

    /** The schema itself where {@code schema} refers to one ($ref, or allOf with a $ref and a default). */
    static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null && schema.has("allOf")) {
            for (JsonNode part : schema.path("allOf")) {
                if (part.has("$ref")) {
                    ref = part.path("$ref").asText();
                }
            }
        }
        return ref == null ? schema : resolve(api, api.at(ref.substring(1)));
    }

    /**
     * The operation's address with its path parameters filled: {@code given} where named, else a value of the
     * parameter's type that names nothing that exists (a fresh UUID, a year, a day, a month).
     */
    static String path(JsonNode api, String template, JsonNode operation, Map<String, String> given) {
        Map<String, JsonNode> types = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                types.put(parameter.path("name").asText(), resolve(api, parameter.path("schema")));
            }
        }
        StringBuilder path = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = given.containsKey(name) ? given.get(name) : value(types.get(name));
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String value(JsonNode type) {
        if (type == null) {
            return UUID.randomUUID().toString();
        }
        return switch (type.path("type").asText("") + "/" + type.path("format").asText("")) {
            case "integer/int32", "integer/int64", "integer/" -> "2026";
            case "string/date" -> "2026-06-30";
            case "string/" -> "2026-06";
            default -> UUID.randomUUID().toString();
        };
    }
}
