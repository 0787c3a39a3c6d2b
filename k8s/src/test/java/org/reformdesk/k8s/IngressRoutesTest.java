package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners reach every resource: each top-level /api/v1/&lt;resource&gt; a service serves (read from the JAX-RS @Path
 * annotations in its src/main/java) is routed by the prod Ingress to that service, over TLS, and nothing else is.
 * /api/v1/clock comes from platform/runtime and is served by every service; it is only movable in demos and is not
 * routed.
 */
class IngressRoutesTest {

    private static final String API = "reform-api";

    /** /api/v1/&lt;resource&gt; -> service, from the sources. */
    private static Map<String, String> served() {
        Map<String, String> served = new TreeMap<>();
        for (Services.Service service : Services.all()) {
            service.apiResources().keySet().forEach(resource -> {
                String previous = served.put("/api/v1/" + resource, service.name());
                assertThat(previous).as("/api/v1/" + resource + " served by two services").isNull();
            });
        }
        return served;
    }

    /** /api/v1/... path -> backend service, from the Ingress. */
    private static Map<String, String> routed() {
        Map<String, String> routed = new TreeMap<>();
        for (JsonNode rule : Overlays.get("prod", "Ingress", API).at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                routed.put(path.path("path").asText(), path.at("/backend/service/name").asText());
            }
        }
        return routed;
    }

    @Test
    void sourcesServeTheKnownResources() {
        assertThat(served()).containsEntry("/api/v1/tasks", "task-service").containsEntry("/api/v1/rankings", "assessment-service");
    }

    @Test
    void everyServedResourceIsRoutedToItsService() {
        assertThat(routed()).as("prod Ingress %s (k8s/overlays/prod/ingress.yaml)", API).isEqualTo(served());
    }

    @Test
    void routesArePrefixesToANamedServicePort() {
        for (JsonNode rule : Overlays.get("prod", "Ingress", API).at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
                ObjectNode service = Overlays.get("prod", "Service", path.at("/backend/service/name").asText());
                List<String> ports = new ArrayList<>();
                service.at("/spec/ports").forEach(p -> ports.add(p.path("name").asText()));
                assertThat(ports).contains(path.at("/backend/service/port/name").asText());
            }
        }
    }

    @Test
    void everyHostIsServedOverTls() {
        for (ObjectNode ingress : Overlays.ofKind("prod", "Ingress")) {
            List<String> tlsHosts = new ArrayList<>();
            ingress.at("/spec/tls").forEach(t -> {
                assertThat(t.path("secretName").asText()).isNotBlank();
                t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            });
            ingress.at("/spec/rules").forEach(r -> assertThat(tlsHosts).contains(r.path("host").asText()));
        }
    }

    @Test
    void theIdentityProviderIsReachableForTokensButNotItsAdminConsole() {
        ObjectNode keycloak = Overlays.ofKind("prod", "Keycloak").get(0);
        String keycloakService = keycloak.at("/metadata/name").asText() + "-service";
        List<String> paths = new ArrayList<>();
        for (ObjectNode ingress : Overlays.ofKind("prod", "Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    if (path.at("/backend/service/name").asText().equals(keycloakService)) {
                        paths.add(path.path("path").asText());
                        String host = rule.path("host").asText();
                        assertThat(keycloak.at("/spec/hostname/hostname").asText()).isEqualTo("https://" + host);
                    }
                }
            }
        }

        assertThat(paths).contains("/realms/").noneMatch(p -> p.startsWith("/admin"));
    }
}
