package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas manifests are checked against: every Kubernetes kind through the fabric8 model, Strimzi's kinds
 * through Strimzi's own Java model, and the CloudNativePG and Keycloak Operator kinds (which publish no Java
 * model) by apiVersion, kind and the fields {@link InfraTest} reads.
 */
final class KubernetesModel {

    /** Custom resources without a Java model: apiVersion/kind -> the spec fields they may have (of their CRDs). */
    static final Map<String, Set<String>> UNTYPED_KINDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "primaryUpdateStrategy", "enableSuperuserAccess",
                    "storage", "walStorage", "resources", "affinity", "postgresql", "managed", "bootstrap", "backup",
                    "monitoring", "description", "inheritedMetadata", "superuserSecret"),
            "postgresql.cnpg.io/v1/Database", Set.of("name", "owner", "cluster", "ensure", "databaseReclaimPolicy",
                    "encoding", "extensions", "schemas"),
            "k8s.keycloak.org/v2alpha1/Keycloak", Set.of("instances", "image", "db", "http", "hostname", "proxy",
                    "ingress", "bootstrapAdmin", "resources", "features", "additionalOptions", "transaction", "cache",
                    "networkPolicy", "unsupported", "startOptimized", "truststores", "httpManagement", "scheduling"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Set.of("keycloakCRName", "realm", "placeholders", "resources"));

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        // Strimzi 0.49 serves v1 and the deprecated v1beta2 with one model; its annotations name only one of them.
        for (String version : List.of("kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2")) {
            SERIALIZATION.registerKubernetesResource(version, "Kafka", Kafka.class);
            SERIALIZATION.registerKubernetesResource(version, "KafkaNodePool", KafkaNodePool.class);
            SERIALIZATION.registerKubernetesResource(version, "KafkaTopic", KafkaTopic.class);
        }
    }

    private KubernetesModel() {
    }

    /** The typed object for a manifest, or null when its kind has no Java model (see {@link #UNTYPED_KINDS}). */
    static KubernetesResource typed(JsonNode manifest) {
        KubernetesResource resource = SERIALIZATION.unmarshal(manifest.toString(), KubernetesResource.class);
        return resource instanceof GenericKubernetesResource ? null : resource;
    }

    /**
     * What is wrong with a manifest against its schema: an unknown apiVersion/kind, or fields the model does not know
     * (a typo such as "readinesProbe" lands in the model's additional properties instead of failing to parse).
     */
    static List<String> problems(JsonNode manifest) {
        String id = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        List<String> problems = new ArrayList<>();
        if (!manifest.path("metadata").hasNonNull("name")) {
            problems.add(id + " has no metadata.name");
        }
        KubernetesResource typed;
        try {
            typed = typed(manifest);
        } catch (RuntimeException e) {
            problems.add(id + " does not fit its schema: " + e.getMessage());
            return problems;
        }
        if (typed == null) {
            Set<String> fields = UNTYPED_KINDS.get(id);
            if (fields == null) {
                problems.add("Unknown apiVersion/kind " + id + " (neither Kubernetes, Strimzi, CloudNativePG nor Keycloak)");
            } else {
                manifest.path("spec").fieldNames().forEachRemaining(f -> {
                    if (!fields.contains(f)) {
                        problems.add(id + " " + manifest.path("metadata").path("name").asText() + ": unknown spec field " + f);
                    }
                });
            }
            return problems;
        }
        unknownFields(typed, id + " " + manifest.path("metadata").path("name").asText(), problems, new IdentityHashMap<>());
        return problems;
    }

    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (!isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, problems, seen);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api");
    }
}
