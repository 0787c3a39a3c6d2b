package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In prod a service reaches only DNS, its database cluster, Kafka and the identity provider; notification-service
 * also the reminder vendors outside the cluster, on HTTPS and SMTP alone.
 */
class NetworkPolicyTest {

    private static List<ObjectNode> policiesFor(JsonNode podLabels) {
        return Overlays.ofKind("prod", "NetworkPolicy").stream()
                .filter(p -> Overlays.selects(p.at("/spec/podSelector/matchLabels"), podLabels)).toList();
    }

    @Test
    void everyServiceIsFencedInBothDirections() {
        for (ObjectNode deployment : Overlays.ofKind("prod", "Deployment")) {
            List<ObjectNode> policies = policiesFor(deployment.at("/spec/template/metadata/labels"));
            Set<String> types = new TreeSet<>();
            policies.forEach(p -> p.at("/spec/policyTypes").forEach(t -> types.add(t.asText())));

            assertThat(types).as(deployment.at("/metadata/name").asText()).contains("Ingress", "Egress");
        }
    }

    @Test
    void servicesMayOnlyReachDnsPostgresKafkaAndKeycloak() {
        ObjectNode deployment = Overlays.ofKind("prod", "Deployment").get(0);
        String cluster = Overlays.ofKind("prod", "Cluster").get(0).at("/metadata/name").asText();
        String kafka = Overlays.ofKind("prod", "Kafka").get(0).at("/metadata/name").asText();
        String keycloak = Overlays.ofKind("prod", "Keycloak").get(0).at("/metadata/name").asText();
        List<String> destinations = new ArrayList<>();
        for (ObjectNode policy : policiesFor(deployment.at("/spec/template/metadata/labels"))) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                assertThat(rule.path("to").isEmpty()).as("an egress rule open to everywhere").isFalse();
                assertThat(rule.path("ports").isEmpty()).as("an egress rule open on every port").isFalse();
                rule.path("to").forEach(peer -> destinations.add(peer.at("/podSelector/matchLabels").toString()));
            }
        }

        assertThat(destinations).hasSize(4).anySatisfy(d -> assertThat(d).contains("kube-dns"))
                .anySatisfy(d -> assertThat(d).contains("\"cnpg.io/cluster\":\"" + cluster + "\""))
                .anySatisfy(d -> assertThat(d).contains("\"strimzi.io/cluster\":\"" + kafka + "\""))
                .anySatisfy(d -> assertThat(d).contains("\"app.kubernetes.io/instance\":\"" + keycloak + "\""));
    }

    @Test
    void onlyTheNotificationServiceReachesTheReminderVendorsAndOnlyOnTheirPorts() {
        for (ObjectNode deployment : Overlays.ofKind("prod", "Deployment")) {
            List<String> external = new ArrayList<>();
            for (ObjectNode policy : policiesFor(deployment.at("/spec/template/metadata/labels"))) {
                for (JsonNode rule : policy.at("/spec/egress")) {
                    if (rule.at("/to/0/ipBlock").isMissingNode()) {
                        continue;
                    }
                    assertThat(rule.at("/to/0/ipBlock/except").toString()).contains("10.0.0.0/8");
                    rule.path("ports").forEach(port -> external.add(port.path("port").asText()));
                }
            }
            String name = deployment.at("/metadata/name").asText();
            assertThat(external).as(name).isEqualTo(name.equals("notification-service")
                    ? List.of("443", "465", "587") : List.of());
        }
    }

    @Test
    void theDatabaseAndIdentityProviderAcceptOnlyTheirClients() {
        String cluster = Overlays.ofKind("prod", "Cluster").get(0).at("/metadata/name").asText();
        JsonNode postgresPods = Repo.YAML.createObjectNode().put("cnpg.io/cluster", cluster);

        assertThat(policiesFor(postgresPods)).isNotEmpty().allSatisfy(p -> p.at("/spec/ingress").forEach(rule ->
                assertThat(rule.path("from").isEmpty()).as("a rule open to every pod").isFalse()));
        assertThat(Overlays.ofKind("prod", "NetworkPolicy"))
                .anySatisfy(p -> assertThat(p.at("/spec/podSelector/matchLabels/app").asText()).isEqualTo("keycloak"));
    }

    @Test
    void kafkaListenerAdmitsOnlyTheServices() {
        JsonNode peers = Overlays.ofKind("prod", "Kafka").get(0).at("/spec/kafka/listeners/0/networkPolicyPeers");

        assertThat(peers.isArray() && !peers.isEmpty()).isTrue();
        assertThat(peers.get(0).at("/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("api");
    }
}
