package org.reformdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints each figure of runs taken alternately on a reference and on HEAD ({@code bench/compare.sh}) with the ratio
 * of their means, HEAD / reference: below 1 is less of it on HEAD (faster, for a time; cheaper, for work).
 * Arguments: the reference's results.json files, {@code --}, HEAD's.
 */
public final class Compare {

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        int split = List.of(args).indexOf("--");
        if (split < 1 || split == args.length - 1) {
            throw new IllegalArgumentException("usage: Compare REF.json... -- HEAD.json...");
        }
        Map<String, List<Double>> reference = read(List.of(args).subList(0, split));
        Map<String, List<Double>> head = read(List.of(args).subList(split + 1, args.length));
        System.out.printf(Locale.ROOT, "compare: %-72s %-24s %-24s %s%n", "figure", "reference", "HEAD", "HEAD/ref");
        head.forEach((name, values) -> {
            List<Double> was = reference.get(name);
            String ratio = was == null || mean(was) == 0 ? "-"
                    : String.format(Locale.ROOT, "%.2f", mean(values) / mean(was));
            System.out.printf(Locale.ROOT, "compare: %-72s %-24s %-24s %s%n", name, was == null ? "-" : list(was),
                    list(values), ratio);
        });
        reference.keySet().stream().filter(name -> !head.containsKey(name)).forEach(name -> System.out.printf(
                Locale.ROOT, "compare: %-72s %-24s %-24s -%n", name, list(reference.get(name)), "-"));
    }

    /** Each figure's values over the runs, in the order the first run printed them. */
    private static Map<String, List<Double>> read(List<String> files) throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : files) {
            for (JsonNode figure : json.readTree(Path.of(file).toFile()).path("figures")) {
                values.computeIfAbsent(figure.path("name").asText() + " (" + figure.path("unit").asText() + ")",
                        name -> new ArrayList<>()).add(figure.path("value").asDouble());
            }
        }
        return values;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static String list(List<Double> values) {
        return values.stream().map(Figures::format).collect(Collectors.joining(" "));
    }
}
