package org.reformdesk.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns payload records into CloudEvents {@code data} JSON and back, the one way every service does it.
 * Reading checks the data against the type's JSON Schema, so a consumer never acts on a malformed event,
 * and ignores fields it does not know, so producers can add fields.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Scores are decimals: keep 98.50 as 98.50 on the way through the schema check.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    private EventCodec() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No JSON Schema at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static EventCodec instance() {
        return INSTANCE;
    }

    public String encode(ReformEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.type().typeName(), e);
        }
    }

    /**
     * Reads the data of an event of the given type.
     *
     * @return empty for a well-formed type this build does not know (a newer producer's), which consumers ignore
     * @throws UnreadableEventException for a malformed type name, broken JSON or data that fails its schema
     */
    public Optional<ReformEvent> decode(String typeName, String data) {
        Optional<EventType> type = EventType.byName(typeName);
        if (type.isEmpty()) {
            if (EventType.isWellFormed(typeName)) {
                return Optional.empty();
            }
            throw new UnreadableEventException("Unknown event type '" + typeName + "'");
        }
        JsonNode tree = parse(data);
        Set<ValidationMessage> violations = schemas.get(type.get()).validate(tree);
        if (!violations.isEmpty()) {
            throw new UnreadableEventException(typeName + " fails its schema: " + violations.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        try {
            return Optional.of(json.treeToValue(tree, type.get().payload()));
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(typeName + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Checks an event against its own schema; producers' tests use it to keep records and schemas in step. */
    public Set<String> violations(ReformEvent event) {
        return schemas.get(event.type()).validate(json.valueToTree(event)).stream()
                .map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private JsonNode parse(String data) {
        if (data == null || data.isBlank()) {
            throw new UnreadableEventException("Event has no data");
        }
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("Event data is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
