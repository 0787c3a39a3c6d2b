package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** k8s/infra against ARCHITECTURE.md and the code: topics, Kafka, databases and the realm the services trust. */
class InfraTest {

    private static List<ObjectNode> infra(String kind) {
        return KustomizeBuild.build(Repo.INFRA).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static Map<String, ObjectNode> topics() {
        Map<String, ObjectNode> topics = new TreeMap<>();
        infra("KafkaTopic").forEach(t -> topics.put(t.at("/spec/topicName").asText(), t));
        return topics;
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsDeclared() {
        Set<String> expected = new TreeSet<>();
        for (String topic : Services.declaredTopics()) {
            expected.add(topic);
            expected.add(topic + ".dlq");
        }
        Services.all().forEach(s -> expected.addAll(s.topics()));

        assertThat(topics().keySet()).isEqualTo(expected);
    }

    @Test
    void topicsAreReplicatedThriceAndNeedTwoInSyncReplicas() {
        assertThat(topics().values()).allSatisfy(t -> {
            assertThat(t.at("/spec/partitions").asInt()).isPositive();
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
    }

    @Test
    void onlyTheDirectoryIsCompacted() {
        Map<String, String> policies = topics().values().stream().collect(Collectors.toMap(
                t -> t.at("/spec/topicName").asText(), t -> t.at("/spec/config/cleanup.policy").asText()));

        assertThat(policies).containsEntry("reform.directory.v1", "compact");
        policies.forEach((topic, policy) -> {
            if (!topic.equals("reform.directory.v1")) {
                assertThat(policy).as(topic).isEqualTo("delete");
            }
        });
    }

    @Test
    void kafkaRunsInKRaftModeOnThreeCombinedNodesAtTheClientsVersion() {
        ObjectNode kafka = infra("Kafka").get(0);
        ObjectNode pool = infra("KafkaNodePool").get(0);
        String kafkaVersion = Repo.childText(Repo.child(Repo.rootPom().getDocumentElement(), "properties").orElseThrow(),
                "kafka.version").orElseThrow();

        assertThat(kafka.at("/spec/zookeeper").isMissingNode()).isTrue();
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(pool.at("/spec/roles").toString()).contains("controller", "broker");
        assertThat(kafka.at("/spec/kafka/version").asText()).as("broker and client on one version").isEqualTo(kafkaVersion);
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(kafka.at("/spec/entityOperator/topicOperator").isObject()).as("KafkaTopics need the topic operator").isTrue();
    }

    @Test
    void eachServiceHasADatabaseOfItsOwnAndKeycloakToo() {
        Map<String, String> owners = new TreeMap<>();
        infra("Database").forEach(d -> owners.put(d.at("/spec/name").asText(), d.at("/spec/owner").asText()));
        Set<String> expected = new TreeSet<>(Set.of("keycloak"));
        Services.all().forEach(s -> expected.add(s.database()));

        assertThat(owners.keySet()).isEqualTo(expected);
        assertThat(new TreeSet<>(owners.values())).as("one role per database").hasSameSizeAs(owners.keySet());
        ObjectNode keycloak = infra("Keycloak").get(0);
        assertThat(keycloak.at("/spec/db/database").asText()).isEqualTo("keycloak");
        assertThat(keycloak.at("/spec/db/host").asText()).isEqualTo(infra("Cluster").get(0).at("/metadata/name").asText() + "-rw");
    }

    @Test
    void theRealmIsOneKeycloakCanImport() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode realmJson = infra("KeycloakRealmImport").get(0).at("/spec/realm");

        RealmRepresentation realm = strict.treeToValue(realmJson, RealmRepresentation.class);
        String profile = realm.getComponents().getFirst("org.keycloak.userprofile.UserProfileProvider").getConfig()
                .getFirst("kc.user.profile.config");
        UPConfig userProfile = strict.readValue(profile, UPConfig.class);

        assertThat(realm.getRealm()).isEqualTo("reform-desk");
        assertThat(userProfile.getAttributes()).extracting(a -> a.getName())
                .contains("username", "email", "unit", "person");
    }

    @Test
    void theRealmHasTheRolesTheServicesCheck() {
        Set<String> roles = new TreeSet<>();
        infra("KeycloakRealmImport").get(0).at("/spec/realm/roles/realm").forEach(r -> roles.add(r.path("name").asText()));

        assertThat(roles).isEqualTo(new TreeSet<>(Services.constants(
                Repo.ROOT.resolve("platform/runtime/src/main/java/org/reformdesk/platform/security/Roles.java")).values()));
    }

    @Test
    void peopleGetTheUnitAndPersonClaimsTheServicesRead() {
        Map<String, String> claims = Services.constants(
                Repo.ROOT.resolve("platform/runtime/src/main/java/org/reformdesk/platform/security/Caller.java"));
        List<String> mapped = new ArrayList<>();
        for (JsonNode client : infra("KeycloakRealmImport").get(0).at("/spec/realm/clients")) {
            if (client.path("publicClient").asBoolean()) {
                client.path("protocolMappers").forEach(m -> mapped.add(m.at("/config/claim.name").asText()));
            }
        }

        assertThat(mapped).contains(claims.get("UNIT_CLAIM"), claims.get("PERSON_CLAIM"));
    }

    @Test
    void partnerClientsUseClientCredentialsWithASecretFromAPlaceholder() {
        JsonNode realm = infra("KeycloakRealmImport").get(0);
        List<JsonNode> partners = new ArrayList<>();
        realm.at("/spec/realm/clients").forEach(c -> {
            if (c.path("serviceAccountsEnabled").asBoolean()) {
                partners.add(c);
            }
        });

        assertThat(partners).isNotEmpty().allSatisfy(c -> {
            String placeholder = c.path("secret").asText().replaceAll("^\\$\\{(.*)}$", "$1");
            assertThat(realm.at("/spec/placeholders/" + placeholder + "/secret/name").asText()).isNotBlank();
        });
    }
}
