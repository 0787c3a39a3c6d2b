package org.reformdesk.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options built on the server and handed to console.js as JSON in a data attribute (no inline script):
 * each chart also carries the link behind each of its categories, so every bar opens its filtered list.
 */
@ApplicationScoped
public class Charts {

    public static final String RED = "#c62828";
    public static final String YELLOW = "#f9a825";
    public static final String GREEN = "#2e7d32";

    @Inject
    ObjectMapper json;

    /** A chart ready for a template: its option and its links, as JSON. */
    public record Chart(String option, String links) {
    }

    /** A series of values with its name and colour. */
    public record Series(String name, String color, List<? extends Number> values) {
    }

    /** Bars per category, stacked, horizontal when {@code horizontal}. */
    public Chart bars(List<String> categories, List<Series> series, boolean horizontal, Map<String, String> links) {
        Map<String, Object> category = Map.of("type", "category", "data", categories, "inverse", horizontal,
                "axisLabel", Map.of("interval", 0, "width", 90, "overflow", "truncate"));
        Map<String, Object> value = Map.of("type", "value", "minInterval", 1);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Series s : series) {
            bars.add(Map.of("type", "bar", "name", s.name(), "stack", "all", "data", s.values(),
                    "itemStyle", Map.of("color", s.color()), "cursor", "pointer", "barMaxWidth", 28,
                    "label", Map.of("show", true, "position", "inside")));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 32, "bottom", 8, "containLabel", true));
        option.put(horizontal ? "yAxis" : "xAxis", category);
        option.put(horizontal ? "xAxis" : "yAxis", value);
        option.put("series", bars);
        return new Chart(write(option), write(links));
    }

    /** A score (0–100) over months. */
    public Chart line(List<String> months, String name, List<? extends Number> values) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 16, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("series", List.of(Map.of("type", "line", "name", name, "data", values,
                "itemStyle", Map.of("color", RED), "label", Map.of("show", true))));
        return new Chart(write(option), write(Map.of()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
