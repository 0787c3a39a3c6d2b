package org.reformdesk.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says in the client's terms why a JSON body could not be read: which field (as the client wrote it,
 * {@code milestones[1].dueOn}) and what is wrong with it, never Jackson's own message, which names Java types and
 * quotes the input.
 */
final class JsonFailure {

    private JsonFailure() {
    }

    /** The field the failure is at, or null when it concerns the body as a whole. */
    static String field(JsonProcessingException e) {
        List<String> names = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            mapping.getPath().forEach(ref -> names.add(ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]"));
        } else if (e.getProcessor() instanceof JsonParser parser && (e instanceof InputCoercionException
                || String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field"))) {
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                    context = context.getParent()) {
                if (context.inObject() && context.getCurrentName() != null) {
                    names.add(context.getCurrentName());
                } else if (context.inArray() && context.getCurrentIndex() >= 0) {
                    names.add("[" + context.getCurrentIndex() + "]");
                }
            }
            Collections.reverse(names);
        }
        return names.isEmpty() ? null : String.join(".", names).replace(".[", "[");
    }

    /** What is wrong, for a client to act on. */
    static String message(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof RefusedValue refused) {
            return refused.reason();
        }
        if (e instanceof StreamConstraintsException) {
            return original.contains("nesting") ? "The body nests objects and arrays too deeply."
                    : "The body holds a number or a text that is too long.";
        }
        if (e instanceof InputCoercionException) {
            return "is outside the range of its type";
        }
        if (original.startsWith("Duplicate field")) {
            return "appears more than once in the same object";
        }
        if (e instanceof InvalidFormatException format) {
            return expected(format.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            return "cannot be accepted with these values";
        }
        if (e instanceof MismatchedInputException || e instanceof JsonMappingException) {
            return field(e) == null ? "The body is not JSON of the documented shape."
                    : "has a value of the wrong type or format";
        }
        if (original.contains("UTF-8") || original.contains("UTF8")) {
            return "The body is not valid UTF-8.";
        }
        JsonLocation at = e.getLocation();
        return "The body is not valid JSON" + (at == null || at.getLineNr() < 0 ? "."
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "must be a UUID such as 3f2b8c1e-0a4d-4b7e-9c61-2d5e8f7a9b10";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-12-31";
        }
        if (type == LocalTime.class) {
            return "must be a time of day such as 09:00";
        }
        if (type == YearMonth.class) {
            return "must be a month such as 2026-12";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a moment such as 2026-12-31T09:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number within the range of its type";
        }
        return "has a value of the wrong type or format";
    }
}
