package org.reformdesk.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's manifests against what the service really is: its port, its health and metrics endpoints, the
 * config keys it reads, the database it owns, the topics it uses, and the image Jib builds for it. A renamed key
 * or a moved port in application.properties fails here until the manifests follow.
 */
class ServiceContractTest {

    /** Quarkus settings the services read in a deployment without a default in their properties files. */
    private static final Set<String> DEPLOYMENT_ONLY_KEYS = Set.of(
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_START_TLS",
            "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");
    /** Read by the base image's start script (run-java.sh) or by glibc, not by Quarkus. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");
    /** Measured (docs/performance.md, "Footprint"): 215-235 MiB RSS per service after a burst, with the JVM settings of k8s/base. */
    private static final long MEASURED_RSS = 235L << 20;
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");

    static Stream<Arguments> servicesInOverlays() {
        return Services.all().stream().flatMap(s -> Overlays.names().stream().map(o -> Arguments.of(s.name(), o)));
    }

    static List<String> services() {
        return Services.all().stream().map(Services.Service::name).toList();
    }

    private static Services.Service service(String name) {
        return Services.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void containerListensOnTheConfiguredHttpPort(String name, String overlay) {
        JsonNode port = Overlays.container(Overlays.get(overlay, "Deployment", name)).at("/ports/0");

        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("containerPort").asInt()).as(name + " quarkus.http.port").isEqualTo(service(name).httpPort());
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void probesAskTheHealthEndpoints(String name, String overlay) {
        Services.Service service = service(name);
        assertThat(service.configKeys()).as("the health and metrics paths are Quarkus' defaults under /q")
                .doesNotContain("quarkus.http.non-application-root-path", "quarkus.http.root-path",
                        "quarkus.smallrye-health.root-path", "quarkus.micrometer.export.prometheus.path");
        assertThat(Repo.read(Repo.ROOT.resolve("platform/runtime/pom.xml")))
                .contains("quarkus-smallrye-health", "quarkus-micrometer-registry-prometheus");

        JsonNode container = Overlays.container(Overlays.get(overlay, "Deployment", name));
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("http");
        }
        int startupBudget = container.at("/startupProbe/periodSeconds").asInt() * container.at("/startupProbe/failureThreshold").asInt();
        assertThat(startupBudget).as("seconds to start: ~3 s alone, far more when a node starts many at once").isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void metricsAreScrapedFromThePrometheusEndpoint(String name, String overlay) {
        JsonNode annotations = Overlays.get(overlay, "Deployment", name).at("/spec/template/metadata/annotations");

        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(service(name).httpPort());
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void everyEnvironmentVariableIsASettingTheServiceReads(String name, String overlay) {
        Services.Service service = service(name);
        Set<String> known = new java.util.TreeSet<>(DEPLOYMENT_ONLY_KEYS);
        known.addAll(IMAGE_VARIABLES);
        service.configKeys().forEach(k -> known.add(Services.envName(k)));

        ObjectNode deployment = Overlays.get(overlay, "Deployment", name);
        Map<String, String> env = Overlays.environment(overlay, deployment);

        assertThat(Overlays.container(deployment).at("/envFrom/0/configMapRef/name").asText())
                .as("STYLE.md: ConfigMap <service>-config").isEqualTo(name + "-config");
        assertThat(env.keySet()).as("environment of " + name + " (a key renamed in application.properties?)").isSubsetOf(known);
        assertThat(env).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(env.get("JAVA_OPTS_APPEND")).as("the image's own value, which this replaces")
                .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void ownsItsDatabaseThroughItsOwnRole(String name, String overlay) {
        Services.Service service = service(name);
        Map<String, String> env = Overlays.environment(overlay, Overlays.get(overlay, "Deployment", name));
        ObjectNode cluster = Overlays.ofKind(overlay, "Cluster").get(0);
        String credentials = name + "-credentials";

        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
                .startsWith("jdbc:postgresql://" + cluster.at("/metadata/name").asText() + "-rw:5432/" + service.database());
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo("secret:" + credentials + "/username");
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("secret:" + credentials + "/password");

        ObjectNode database = Overlays.ofKind(overlay, "Database").stream()
                .filter(d -> d.at("/spec/name").asText().equals(service.database())).findFirst()
                .orElseThrow(() -> new AssertionError("no CloudNativePG Database " + service.database()));
        String role = database.at("/spec/owner").asText();
        List<String> roleSecrets = new ArrayList<>();
        cluster.at("/spec/managed/roles").forEach(r -> {
            if (r.path("name").asText().equals(role)) {
                roleSecrets.add(r.at("/passwordSecret/name").asText());
            }
        });
        assertThat(roleSecrets).as("role " + role + "'s password comes from the service's Secret").containsExactly(credentials);
        List<String> hba = new ArrayList<>();
        cluster.at("/spec/postgresql/pg_hba").forEach(l -> hba.add(l.asText()));
        assertThat(hba).contains("hostssl " + service.database() + " " + role + " all scram-sha-256");
        assertThat(hba.get(hba.size() - 1)).as("nothing else gets in").isEqualTo("host all all all reject");
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void reachesKafkaAndTheIdentityProviderInTheCluster(String name, String overlay) {
        Map<String, String> env = Overlays.environment(overlay, Overlays.get(overlay, "Deployment", name));
        ObjectNode kafka = Overlays.ofKind(overlay, "Kafka").get(0);
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        ObjectNode keycloak = Overlays.ofKind(overlay, "Keycloak").get(0);
        ObjectNode realm = Overlays.ofKind(overlay, "KeycloakRealmImport").get(0);

        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt());
        assertThat(listener.path("tls").asBoolean()).as("the services connect without TLS settings").isFalse();
        assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("http://" + keycloak.at("/metadata/name").asText()
                + "-service:8080/realms/" + realm.at("/spec/realm/realm").asText());
        assertThat(keycloak.at("/spec/http/httpEnabled").asBoolean()).isTrue();
        assertThat(keycloak.at("/spec/hostname/backchannelDynamic").asBoolean())
                .as("tokens name the public issuer while the services fetch keys in the cluster").isTrue();
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void everyTopicTheServiceUsesExists(String name, String overlay) {
        Set<String> topics = new java.util.TreeSet<>();
        Overlays.ofKind(overlay, "KafkaTopic").forEach(t -> topics.add(t.at("/spec/topicName").asText()));

        assertThat(topics).containsAll(service(name).topics());
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void runsAsNonRootOnAReadOnlyFilesystemWithMeasuredResources(String name, String overlay) {
        ObjectNode deployment = Overlays.get(overlay, "Deployment", name);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = Overlays.container(deployment);

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).as("the Quarkus base image's user").isEqualTo(185);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(container.path("volumeMounts")).anySatisfy(m -> assertThat(m.path("mountPath").asText()).isEqualTo("/tmp"));

        JsonNode resources = container.path("resources");
        long requested = Overlays.bytes(resources.at("/requests/memory").asText());
        long limit = Overlays.bytes(resources.at("/limits/memory").asText());
        Matcher xmx = XMX.matcher(Overlays.environment(overlay, deployment).get("JAVA_OPTS_APPEND"));
        assertThat(xmx.find()).as("an explicit heap size").isTrue();
        long heap = Long.parseLong(xmx.group(1)) << 20;
        assertThat(requested).as("request covers the measured RSS").isGreaterThanOrEqualTo(MEASURED_RSS);
        assertThat(limit).as("limit leaves room for a full heap plus metaspace, threads and buffers").isGreaterThanOrEqualTo(2 * heap);
        assertThat(Overlays.millicores(resources.at("/limits/cpu").asText()))
                .isGreaterThanOrEqualTo(Overlays.millicores(resources.at("/requests/cpu").asText()));
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void runsTheImageJibBuilds(String name, String overlay) {
        Services.Service service = service(name);
        String image = Overlays.container(Overlays.get(overlay, "Deployment", name)).path("image").asText();
        KustomizeBuild.ImageRef ref = KustomizeBuild.ImageRef.parse(image);

        assertThat(ref.name()).endsWith(ContainerImageTest.group() + "/" + service.applicationName());
        assertThat(ref.tag()).as("Jib tags with the project version").isEqualTo(Repo.projectVersion());
    }
}
