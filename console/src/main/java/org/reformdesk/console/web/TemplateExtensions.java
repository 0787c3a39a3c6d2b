package org.reformdesk.console.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Small formatting helpers for the templates. */
@TemplateExtension
class TemplateExtensions {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CITY);

    /** A JSON array of a service's answer, for {@code #for} (an absent one is empty). */
    @SuppressWarnings("unchecked")
    static java.util.List<java.util.Map<String, Object>> list(Object value) {
        // elements are JSON objects, or plain values (ids, areas) that print as themselves
        return value instanceof java.util.List<?> list ? (java.util.List<java.util.Map<String, Object>>) list
                : java.util.List.of();
    }

    /** A JSON object of a service's answer, for {@code get} and {@code keySet} (an absent one is empty). */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> map(Object value) {
        return value instanceof java.util.Map<?, ?> map ? (java.util.Map<String, Object>) map : java.util.Map.of();
    }

    /**
     * What a field of form {@code formName} shows: the value sent, where that form came back with a problem, else the
     * record's own ({@code current}). One page holds several forms; only the refused one keeps what was typed.
     */
    static Object value(java.util.Map<String, Object> form, String formName, String field, Object current) {
        return formName.equals(form.get("form")) ? form.get(field) : current;
    }

    /** Whether {@code form} is the one that came back with the problem. */
    static boolean sentBy(java.util.Map<String, Object> form, String formName) {
        return formName.equals(form.get("form"));
    }

    /** The value as one query parameter's value. */
    static String urlEncode(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    /** A fresh Idempotency-Key for a form, so a double submit creates one record. */
    @TemplateExtension(namespace = "uuid")
    static String random() {
        return java.util.UUID.randomUUID().toString();
    }

    /** An instant the services answered with (ISO-8601), in the city's time to the minute. */
    static String minutes(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return MINUTES.format(Instant.parse(instant.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return instant.toString();
        }
    }
}
