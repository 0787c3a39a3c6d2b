package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays and their built output (cached: building is pure). */
final class Overlays {

    private static final Map<String, List<ObjectNode>> BUILT = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(Repo.OVERLAYS)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> build(String overlay) {
        return BUILT.computeIfAbsent(overlay, o -> List.copyOf(KustomizeBuild.build(Repo.OVERLAYS.resolve(o))));
    }

    static Map<String, ObjectNode> index(String overlay) {
        return KustomizeBuild.byKindAndName(build(overlay));
    }

    static List<ObjectNode> ofKind(String overlay, String kind) {
        return build(overlay).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode get(String overlay, String kind, String name) {
        ObjectNode object = index(overlay).get(kind + "/" + name);
        if (object == null) {
            throw new AssertionError(overlay + " has no " + kind + "/" + name);
        }
        return object;
    }

    /** The (only) container of a Deployment. */
    static JsonNode container(JsonNode deployment) {
        return deployment.at("/spec/template/spec/containers/0");
    }

    /** A container's environment as name -> value (ConfigMap entries through envFrom included, Secret refs as "secret:<name>/<key>"). */
    static Map<String, String> environment(String overlay, JsonNode deployment) {
        Map<String, String> env = new java.util.TreeMap<>();
        JsonNode container = container(deployment);
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.at("/configMapRef/name").asText();
            get(overlay, "ConfigMap", configMap).path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode var : container.path("env")) {
            JsonNode secret = var.at("/valueFrom/secretKeyRef");
            env.put(var.path("name").asText(), secret.isMissingNode() ? var.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        return env;
    }

    /** Bytes of a Kubernetes memory quantity such as 384Mi or 1Gi. */
    static long bytes(String quantity) {
        Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30);
        for (var unit : units.entrySet()) {
            if (quantity.endsWith(unit.getKey())) {
                return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * unit.getValue();
            }
        }
        return Long.parseLong(quantity);
    }

    /** Millicores of a CPU quantity such as 250m or "1". */
    static long millicores(String quantity) {
        return quantity.endsWith("m") ? Long.parseLong(quantity.substring(0, quantity.length() - 1))
                : Math.round(Double.parseDouble(quantity) * 1000);
    }

    /** Whether a label selector's matchLabels all appear in the labels. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return false;
        }
        var it = matchLabels.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
