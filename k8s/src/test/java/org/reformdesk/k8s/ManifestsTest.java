package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file under k8s/ parses, and every resource in it fits a schema the cluster will know. */
class ManifestsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");
    /** Fields whose text would be a credential. Secret names (secretName, passwordSecret.name, ...) are fine. */
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("password", "token", "clientSecret", "secret");
    /** Fields named like a credential that hold the name of a Secret. */
    private static final Set<String> SECRET_NAME_FIELDS = Set.of("/spec/bootstrapAdmin/user/secret");

    static List<Path> files() {
        return Repo.manifestFiles();
    }

    @ParameterizedTest
    @MethodSource("files")
    void parsesAsKubernetesYaml(Path file) {
        List<ObjectNode> documents = Repo.readDocuments(file);

        assertThat(documents).as(file.toString()).isNotEmpty();
        for (ObjectNode document : documents) {
            assertThat(document.path("apiVersion").asText()).as(file + ": apiVersion").isNotBlank();
            assertThat(document.path("kind").asText()).as(file + ": kind").isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyResourceFitsAKnownSchema(Path file) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : Repo.readDocuments(file)) {
            if (!document.path("kind").asText().equals("Kustomization")) {
                problems.addAll(KubernetesModel.problems(document));
            }
        }

        assertThat(problems).as(file.toString()).isEmpty();
    }

    @Test
    void schemaCheckCatchesAMisspelledField() {
        ObjectNode deployment = Repo.readDocuments(Repo.BASE.resolve("task-service/deployment.yaml")).get(0);
        ((ObjectNode) Overlays.container(deployment)).set("readinesProbe", Overlays.container(deployment).get("readinessProbe"));

        assertThat(KubernetesModel.problems(deployment)).anySatisfy(p -> assertThat(p).contains("readinesProbe"));
    }

    @Test
    void schemaCheckCatchesAMisspelledStrimziField() {
        ObjectNode topic = Repo.readDocuments(Repo.INFRA.resolve("topics.yaml")).get(0);
        ((ObjectNode) topic.get("spec")).set("partitons", topic.at("/spec/partitions"));

        assertThat(KubernetesModel.problems(topic)).anySatisfy(p -> assertThat(p).contains("partitons"));
    }

    @Test
    void schemaCheckRefusesAnUnknownKind() {
        ObjectNode unknown = Repo.readDocuments("apiVersion: example.org/v1\nkind: Broker\nmetadata:\n  name: x\n").get(0);

        assertThat(KubernetesModel.problems(unknown)).singleElement().asString().contains("Unknown apiVersion/kind");
    }

    @Test
    void noSecretIsCommitted() {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            for (ObjectNode document : Repo.readDocuments(file)) {
                if (document.path("kind").asText().equals("Secret")) {
                    found.add(file + ": a Secret (create it at install time, see k8s/README.md)");
                }
                credentials(document, file.toString(), "", found);
            }
        }

        assertThat(found).isEmpty();
    }

    private static void credentials(JsonNode node, String file, String path, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                credentials(node.get(i), file, path + "/" + i, found);
            }
            return;
        }
        node.fields().forEachRemaining(e -> {
            String here = path + "/" + e.getKey();
            JsonNode value = e.getValue();
            if (value.isTextual() && CREDENTIAL_FIELDS.contains(e.getKey()) && !SECRET_NAME_FIELDS.contains(here)
                    && !PLACEHOLDER.matcher(value.asText()).matches()) {
                found.add(file + here + " holds a literal credential; use a Secret or a realm-import placeholder");
            }
            if (e.getKey().equals("credentials") && value.isArray()) {
                found.add(file + here + ": user credentials belong in Keycloak, not in the realm import");
            }
            if (value.isContainerNode()) {
                credentials(value, file, here, found);
            }
        });
    }
}
