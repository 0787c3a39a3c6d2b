package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in the cluster: its Deployment matches the module (port, probes, settings it reads), it reaches
 * each service through that service's Kubernetes Service, people reach it at "/" of its host in prod, and the realm's
 * reform-console client is confidential with a secret from a placeholder and redirects to that host.
 */
class ConsoleManifestTest {

    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");
    /** Set only in a deployment: the client secret, the anti-forgery and session keys, the identity provider. */
    private static final Set<String> DEPLOYMENT_ONLY_KEYS = Set.of("QUARKUS_OIDC_CREDENTIALS_SECRET",
            "REFORM_CONSOLE_CSRF_KEY", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
            "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE");

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsoleListensOnItsPortAnswersItsProbesAndReadsEverySettingItIsGiven(String overlay) {
        Services.Service console = Services.console();
        ObjectNode deployment = Overlays.get(overlay, "Deployment", "console");
        JsonNode container = Overlays.container(deployment);
        Map<String, String> env = Overlays.environment(overlay, deployment);
        Set<String> known = new TreeSet<>(DEPLOYMENT_ONLY_KEYS);
        known.addAll(IMAGE_VARIABLES);
        console.configKeys().forEach(key -> known.add(Services.envName(key)));

        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(console.httpPort());
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(env.keySet()).as("a key renamed in console's application.properties?").isSubsetOf(known);
        assertThat(env.get("QUARKUS_OIDC_CREDENTIALS_SECRET")).isEqualTo("secret:console-credentials/oidc-secret");
        assertThat(env.get("REFORM_CONSOLE_CSRF_KEY")).isEqualTo("secret:console-credentials/csrf-key");
        assertThat(env.get("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET"))
                .as("every replica decrypts every session cookie").isEqualTo("secret:console-credentials/session-key");
        assertThat(env).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText())
                .as("not api: the services' Kafka and database policies do not admit it").isEqualTo("web");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConsoleCallsEachServiceThroughItsKubernetesService(String overlay) {
        Map<String, String> env = Overlays.environment(overlay, Overlays.get(overlay, "Deployment", "console"));
        for (Services.Service service : Services.all()) {
            String key = "QUARKUS_REST_CLIENT_" + service.name().replace("-service", "").toUpperCase(Locale.ROOT) + "_URL";
            ObjectNode kubernetesService = Overlays.get(overlay, "Service", service.name());

            assertThat(env.get(key)).as(key).isEqualTo("http://" + service.name());
            assertThat(kubernetesService.at("/spec/ports/0/port").asInt()).isEqualTo(80);
            assertThat(Services.console().properties().getProperty("quarkus.rest-client."
                    + service.name().replace("-service", "") + ".url")).as("a REST client per service").isNotBlank();
        }
    }

    @Test
    void peopleReachTheConsoleAtTheRootOfItsHostAndTheRealmRedirectsThere() {
        ObjectNode ingress = Overlays.get("prod", "Ingress", "reform-console");
        JsonNode rule = ingress.at("/spec/rules/0");
        String host = rule.path("host").asText();

        assertThat(rule.at("/http/paths/0/path").asText()).isEqualTo("/");
        assertThat(rule.at("/http/paths/0/backend/service/name").asText()).isEqualTo("console");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(host);

        ObjectNode realm = Overlays.ofKind("prod", "KeycloakRealmImport").get(0);
        JsonNode client = null;
        for (JsonNode candidate : realm.at("/spec/realm/clients")) {
            if (candidate.path("clientId").asText().equals("reform-console")) {
                client = candidate;
            }
        }
        assertThat(client).as("the realm's reform-console client").isNotNull();
        assertThat(client.path("publicClient").asBoolean(true)).as("confidential").isFalse();
        String placeholder = client.path("secret").asText().replaceAll("^\\$\\{(.*)}$", "$1");
        assertThat(realm.at("/spec/placeholders/" + placeholder + "/secret/name").asText()).isEqualTo("console-credentials");
        List<String> redirects = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        assertThat(redirects).contains("https://" + host + "/*");
        assertThat(client.at("/attributes/post.logout.redirect.uris").asText()).contains("https://" + host + "/");
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    @Test
    void onlyTheIngressControllerReachesTheConsoleAndItReachesOnlyTheServicesAndKeycloak() {
        ObjectNode policy = Overlays.get("prod", "NetworkPolicy", "reform-console");
        List<String> destinations = new ArrayList<>();
        policy.at("/spec/egress").forEach(rule -> rule.path("to").forEach(peer -> destinations.add(peer.toString())));

        assertThat(policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(destinations).hasSize(3).anySatisfy(d -> assertThat(d).contains("kube-dns"))
                .anySatisfy(d -> assertThat(d).contains("\"app.kubernetes.io/component\":\"api\""))
                .anySatisfy(d -> assertThat(d).contains("\"app\":\"keycloak\""));
    }
}
