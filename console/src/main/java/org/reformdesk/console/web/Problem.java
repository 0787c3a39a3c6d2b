package org.reformdesk.console.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's RFC 9457 answer to a write it refused, kept to show the person: the title and detail above the form,
 * each {@code errors[{field, message}]} next to its field.
 */
public record Problem(int status, String title, String detail, Map<String, String> fields) {

    @SuppressWarnings("unchecked")
    public static Problem of(WebApplicationException refused) {
        Response response = refused.getResponse();
        Map<String, Object> body = Map.of();
        try {
            if (response.hasEntity()) {
                body = response.readEntity(Map.class);
            }
        } catch (RuntimeException notJson) {
            // a gateway's page, not a problem document: the status alone says enough
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> field) {
                    fields.merge(String.valueOf(field.get("field")), String.valueOf(field.get("message")),
                            (a, b) -> a + "; " + b);
                }
            }
        }
        return new Problem(response.getStatus(), text(body.get("title")), text(body.get("detail")), fields);
    }

    /** No problem: the form as first shown. */
    public static Problem none() {
        return new Problem(0, null, null, Map.of());
    }

    public boolean present() {
        return status != 0;
    }

    /** The message for one field, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Field errors the form has no place for (they are listed above it). */
    public Map<String, String> others(String shownCommaSeparated) {
        Map<String, String> rest = new LinkedHashMap<>(fields);
        List.of(shownCommaSeparated.split(",")).forEach(rest::remove);
        return rest;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
