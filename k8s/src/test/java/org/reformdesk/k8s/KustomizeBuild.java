package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a kustomization the way {@code kubectl kustomize} does, for the few features these manifests use:
 * {@code resources} (files and folders), {@code namespace}, {@code images} and inline JSON 6902 {@code patches}
 * selected by kind, name and label. Anything else in a kustomization.yaml is refused, so a manifest that starts
 * using another feature fails here instead of being checked half-built; {@link KustomizeParityTest} holds this
 * class to the real kustomize wherever kubectl is installed.
 */
final class KustomizeBuild {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");

    private KustomizeBuild() {
    }

    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(dir + " has no kustomization.yaml");
        }
        ObjectNode kustomization = Repo.readDocuments(file).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalStateException(file + " uses '" + field + "', which KustomizeBuild does not implement;"
                        + " supported: " + SUPPORTED);
            }
        });

        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                objects.addAll(Repo.readDocuments(path));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(file, patch, objects);
        }
        for (JsonNode image : kustomization.path("images")) {
            setImage(image, objects);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (ObjectNode object : objects) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    ((ObjectNode) object.get("metadata")).put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    /** A map from "Kind/name" to the object, refusing two objects of one kind and name. */
    static Map<String, ObjectNode> byKindAndName(List<ObjectNode> objects) {
        Map<String, ObjectNode> index = new LinkedHashMap<>();
        for (ObjectNode object : objects) {
            String key = key(object);
            if (index.put(key, object) != null) {
                throw new IllegalStateException("Two objects named " + key);
            }
        }
        return index;
    }

    static String key(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    private static void applyPatch(Path file, JsonNode patch, List<ObjectNode> objects) {
        JsonNode target = patch.path("target");
        if (!patch.has("patch") || target.isMissingNode()) {
            throw new IllegalStateException(file + ": only inline patches with a target are supported: " + patch);
        }
        List<ObjectNode> matched = objects.stream().filter(o -> matches(target, o)).toList();
        if (matched.isEmpty()) {
            throw new IllegalStateException(file + ": patch target " + target + " matches nothing");
        }
        List<ObjectNode> operations = new ArrayList<>();
        try {
            Repo.YAML.readTree(patch.get("patch").asText()).forEach(op -> operations.add((ObjectNode) op));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(file + ": unreadable patch " + patch.get("patch"), e);
        }
        for (ObjectNode object : matched) {
            for (ObjectNode operation : operations) {
                apply(object, operation, file);
            }
        }
    }

    private static boolean matches(JsonNode target, ObjectNode object) {
        if (target.has("kind") && !target.get("kind").asText().equals(object.path("kind").asText())) {
            return false;
        }
        if (target.has("name") && !object.path("metadata").path("name").asText().matches(target.get("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            JsonNode labels = object.path("metadata").path("labels");
            for (String requirement : target.get("labelSelector").asText().split(",")) {
                String[] kv = requirement.trim().split("=", 2);
                if (kv.length != 2 || !kv[1].equals(labels.path(kv[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One JSON Patch (RFC 6902) operation: add, replace or remove. */
    private static void apply(ObjectNode object, ObjectNode operation, Path file) {
        String op = operation.path("op").asText();
        List<String> path = pointer(operation.path("path").asText());
        JsonNode parent = object;
        for (String token : path.subList(0, path.size() - 1)) {
            parent = parent.isArray() ? parent.path(Integer.parseInt(token)) : parent.path(token);
            if (parent.isMissingNode()) {
                throw new IllegalStateException(file + ": " + operation + " on " + key(object) + ": no such path");
            }
        }
        String last = path.get(path.size() - 1);
        JsonNode value = operation.get("value");
        switch (op) {
            case "add" -> {
                if (parent instanceof ArrayNode array) {
                    if (last.equals("-")) {
                        array.add(value.deepCopy());
                    } else {
                        array.insert(Integer.parseInt(last), value.deepCopy());
                    }
                } else {
                    ((ObjectNode) parent).set(last, value.deepCopy());
                }
            }
            case "replace" -> {
                if (parent instanceof ArrayNode array) {
                    array.set(Integer.parseInt(last), value.deepCopy());
                } else if (parent.has(last)) {
                    ((ObjectNode) parent).set(last, value.deepCopy());
                } else {
                    throw new IllegalStateException(file + ": replace of a missing " + operation.get("path") + " on " + key(object));
                }
            }
            case "remove" -> {
                if (parent instanceof ArrayNode array) {
                    array.remove(Integer.parseInt(last));
                } else {
                    ((ObjectNode) parent).remove(last);
                }
            }
            default -> throw new IllegalStateException(file + ": JSON patch op '" + op + "' is not supported");
        }
    }

    private static List<String> pointer(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("Not a JSON pointer: " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** The images transformer: a container whose image has the given name gets the new name and/or tag. */
    private static void setImage(JsonNode image, List<ObjectNode> objects) {
        String name = image.path("name").asText();
        for (ObjectNode object : objects) {
            for (String containers : List.of("containers", "initContainers")) {
                for (JsonNode container : object.path("spec").path("template").path("spec").path(containers)) {
                    ImageRef ref = ImageRef.parse(container.path("image").asText());
                    if (ref.name().equals(name)) {
                        String newName = image.path("newName").asText(ref.name());
                        String newTag = image.path("newTag").asText(ref.tag());
                        ((ObjectNode) container).set("image", TextNode.valueOf(newTag == null ? newName : newName + ":" + newTag));
                    }
                }
            }
        }
    }

    /** An image reference split into name and tag; a registry port ("host:5000/x") is part of the name. */
    record ImageRef(String name, String tag) {
        static ImageRef parse(String image) {
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            return colon > slash ? new ImageRef(image.substring(0, colon), image.substring(colon + 1)) : new ImageRef(image, null);
        }
    }
}
