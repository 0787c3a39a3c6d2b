package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What `kustomize build` makes of each overlay: valid objects that refer only to each other or to install-time Secrets. */
class OverlaysTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    @Test
    void thereAreADevAndAProdOverlay() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyBuiltObjectFitsItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        Overlays.build(overlay).forEach(o -> problems.addAll(KubernetesModel.problems(o)));

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectLandsInTheNamespace(String overlay) {
        assertThat(Overlays.build(overlay)).allSatisfy(o ->
                assertThat(o.at("/metadata/namespace").asText()).as(KustomizeBuild.key(o)).isEqualTo(Repo.NAMESPACE));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsReferToObjectsThatExist(String overlay) {
        for (ObjectNode deployment : Overlays.ofKind(overlay, "Deployment")) {
            JsonNode pod = deployment.at("/spec/template");
            String name = deployment.at("/metadata/name").asText();

            Overlays.get(overlay, "ServiceAccount", pod.at("/spec/serviceAccountName").asText());
            for (JsonNode from : Overlays.container(deployment).path("envFrom")) {
                Overlays.get(overlay, "ConfigMap", from.at("/configMapRef/name").asText());
            }
            assertThat(Overlays.selects(deployment.at("/spec/selector/matchLabels"), pod.at("/metadata/labels"))).as(name).isTrue();
            assertThat(Overlays.ofKind(overlay, "Service")).as("a Service for " + name)
                    .anySatisfy(s -> assertThat(Overlays.selects(s.at("/spec/selector"), pod.at("/metadata/labels"))).isTrue());
            assertThat(Overlays.ofKind(overlay, "PodDisruptionBudget")).as("a PodDisruptionBudget for " + name)
                    .anySatisfy(p -> assertThat(Overlays.selects(p.at("/spec/selector/matchLabels"), pod.at("/metadata/labels"))).isTrue());
            assertThat(Overlays.ofKind(overlay, "HorizontalPodAutoscaler")).as("an autoscaler for " + name)
                    .anySatisfy(h -> assertThat(h.at("/spec/scaleTargetRef/name").asText()).isEqualTo(name));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesTargetAPortTheirPodsDeclare(String overlay) {
        for (ObjectNode service : Overlays.ofKind(overlay, "Service")) {
            ObjectNode deployment = Overlays.ofKind(overlay, "Deployment").stream()
                    .filter(d -> Overlays.selects(service.at("/spec/selector"), d.at("/spec/template/metadata/labels")))
                    .findFirst().orElseThrow(() -> new AssertionError(KustomizeBuild.key(service) + " selects no pods"));
            Set<String> portNames = new TreeSet<>();
            Overlays.container(deployment).path("ports").forEach(p -> portNames.add(p.path("name").asText()));
            service.at("/spec/ports").forEach(p -> assertThat(portNames).contains(p.path("targetPort").asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalersStayWithinTheTopicPartitions(String overlay) {
        int partitions = Overlays.ofKind(overlay, "KafkaTopic").stream()
                .filter(t -> !t.at("/spec/topicName").asText().endsWith(".dlq"))
                .mapToInt(t -> t.at("/spec/partitions").asInt()).min().orElseThrow();

        for (ObjectNode hpa : Overlays.ofKind(overlay, "HorizontalPodAutoscaler")) {
            ObjectNode deployment = Overlays.get(overlay, "Deployment", hpa.at("/spec/scaleTargetRef/name").asText());
            assertThat(hpa.at("/spec/maxReplicas").asInt()).as("consumers beyond the partitions idle").isLessThanOrEqualTo(partitions);
            assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(deployment.at("/spec/replicas").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void operatorResourcesReferToEachOther(String overlay) {
        Map<String, ObjectNode> index = Overlays.index(overlay);
        for (ObjectNode topic : Overlays.ofKind(overlay, "KafkaTopic")) {
            assertThat(index).containsKey("Kafka/" + topic.at("/metadata/labels/strimzi.io~1cluster").asText());
        }
        for (ObjectNode pool : Overlays.ofKind(overlay, "KafkaNodePool")) {
            assertThat(index).containsKey("Kafka/" + pool.at("/metadata/labels/strimzi.io~1cluster").asText());
        }
        for (ObjectNode database : Overlays.ofKind(overlay, "Database")) {
            assertThat(index).containsKey("Cluster/" + database.at("/spec/cluster/name").asText());
        }
        for (ObjectNode realm : Overlays.ofKind(overlay, "KeycloakRealmImport")) {
            assertThat(index).containsKey("Keycloak/" + realm.at("/spec/keycloakCRName").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretTheOverlayNeedsIsExplainedInTheReadme(String overlay) {
        String readme = Repo.read(Repo.K8S.resolve("README.md"));

        assertThat(secretNames(overlay)).isNotEmpty().allSatisfy(secret -> assertThat(readme).as("k8s/README.md").contains(secret));
    }

    @Test
    void devRunsOneOfEverything() {
        assertThat(Overlays.ofKind("dev", "Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(Overlays.get("dev", "KafkaNodePool", "combined").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(Overlays.get("dev", "Cluster", "reform-postgres").at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(Overlays.get("dev", "Keycloak", "reform-keycloak").at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(Overlays.ofKind("dev", "KafkaTopic")).allSatisfy(t -> {
            assertThat(t.at("/spec/replicas").asInt()).as("one broker").isEqualTo(1);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(1);
        });
    }

    @Test
    void prodSurvivesLosingANode() {
        assertThat(Overlays.ofKind("prod", "Deployment")).allSatisfy(d -> {
            assertThat(d.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3);
            JsonNode term = d.at("/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm");
            assertThat(term.at("/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
            assertThat(term.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(d.at("/metadata/name").asText());
        });
        assertThat(Overlays.get("prod", "KafkaNodePool", "combined").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(Overlays.get("prod", "Cluster", "reform-postgres").at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(Overlays.get("prod", "Keycloak", "reform-keycloak").at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Overlays.ofKind("prod", "KafkaTopic")).allSatisfy(t -> {
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
    }

    /** Secrets the overlay refers to by name; the operator creates them at install time. */
    static Set<String> secretNames(String overlay) {
        Set<String> names = new TreeSet<>();
        for (ObjectNode object : Overlays.build(overlay)) {
            collectSecretNames(object, names);
        }
        return names;
    }

    private static void collectSecretNames(JsonNode node, Set<String> names) {
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            String key = e.getKey();
            if ((key.equals("secretKeyRef") || key.equals("passwordSecret") || key.equals("usernameSecret")) && value.has("name")) {
                names.add(value.get("name").asText());
            } else if (key.equals("secretName") && value.isTextual()) {
                names.add(value.asText());
            } else if (key.equals("secret") && value.isObject() && value.has("name")) {
                names.add(value.get("name").asText());
            } else if (key.equals("secret") && value.isTextual() && !value.asText().startsWith("${")) {
                names.add(value.asText());
            }
            if (value.isObject()) {
                collectSecretNames(value, names);
            } else if (value.isArray()) {
                value.forEach(item -> collectSecretNames(item, names));
            }
        });
    }
}
