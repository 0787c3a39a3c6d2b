package org.reformdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: each printed on its own line with its goal beside it, and all of them written to a
 * JSON file for machines. A figure is only added once the counts behind it were checked.
 */
final class Figures {

    /** One figure; {@code goal} is null for a figure that only explains another (a stage, a count). */
    record Figure(String name, double value, String unit, String goal, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> context = new LinkedHashMap<>();

    void context(String key, String value) {
        context.put(key, value);
    }

    /** A figure with a goal of at most {@code goal}. */
    void atMost(String name, double value, String unit, double goal) {
        add(new Figure(name, value, unit, "≤ " + format(goal) + " " + unit, value <= goal));
    }

    /** A figure with a goal of at least {@code goal}. */
    void atLeast(String name, double value, String unit, double goal) {
        add(new Figure(name, value, unit, "≥ " + format(goal) + " " + unit, value >= goal));
    }

    /** A figure that explains another, without a goal of its own. */
    void info(String name, double value, String unit) {
        add(new Figure(name, value, unit, null, null));
    }

    /** A figure without a goal that is printed elsewhere (in a table) and only kept here. */
    void keep(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, null, null));
    }

    private void add(Figure figure) {
        figures.add(figure);
        System.out.println(line(figure));
    }

    static String line(Figure figure) {
        String value = format(figure.value()) + " " + figure.unit();
        if (figure.goal() == null) {
            return String.format(Locale.ROOT, "bench: %-58s %14s", figure.name(), value);
        }
        return String.format(Locale.ROOT, "bench: %-58s %14s   goal %-12s %s", figure.name(), value, figure.goal(),
                figure.met() ? "met" : "NOT MET");
    }

    List<Figure> withGoals() {
        return figures.stream().filter(f -> f.goal() != null).toList();
    }

    void write(Path file) {
        StringBuilder json = new StringBuilder("{\n  \"context\": {");
        String separator = "\n";
        for (Map.Entry<String, String> entry : context.entrySet()) {
            json.append(separator).append("    ").append(quote(entry.getKey())).append(": ")
                    .append(quote(entry.getValue()));
            separator = ",\n";
        }
        json.append("\n  },\n  \"figures\": [");
        separator = "\n";
        for (Figure figure : figures) {
            json.append(separator).append("    {\"name\": ").append(quote(figure.name()))
                    .append(", \"value\": ").append(format(figure.value()))
                    .append(", \"unit\": ").append(quote(figure.unit()))
                    .append(", \"goal\": ").append(figure.goal() == null ? "null" : quote(figure.goal()))
                    .append(", \"met\": ").append(figure.met()).append('}');
            separator = ",\n";
        }
        json.append("\n  ]\n}\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f",
                value);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
