package org.reformdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven Central distribution, as the local platform's identity provider: the realm with the
 * roles, the demo users and a partner client is imported at the first start; later starts reuse its data.
 * The distribution is unpacked under {@code .local/keycloak} by {@code ./reform-desk} (see README.md).
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "reform-desk";
    /** The web console's confidential client (authorization code flow); its secret is made up locally. */
    public static final String CONSOLE_CLIENT = "reform-console";
    /** The public client the command line logs demo users in with (password grant). */
    public static final String CLI_CLIENT = "reform-desk-cli";
    /** The partner departments' clients (client credentials), by their {@code ./reform-desk token} option. */
    public static final Map<String, String> PARTNER_CLIENTS = Map.of("--partner", "partner-ledger",
            "--partner-progress", "partner-progress");
    /** The one scope each partner client carries (as the realm gives it). */
    public static final Map<String, String> PARTNER_SCOPES = Map.of("partner-ledger", "ledger:read",
            "partner-progress", "progress:write");
    /** Every demo user's password; the realm exists only on a developer's machine. */
    public static final String DEMO_PASSWORD = "demo";

    /** The demo users with a unit, by the code of the unit their token is scoped to. */
    public static final Map<String, String> DEMO_UNIT_USERS = Map.of("wuhua", "KM-WH", "panlong", "KM-PL",
            "fgw", "KM-FGW", "czj", "KM-CZJ");

    /** The demo group liaison, by the code of the liaison unit of the special group their token is bound to. */
    public static final Map<String, String> DEMO_GROUP_USERS = Map.of("liaison", "KM-FGW");

    /** The demo users without a unit, and their realm role, so scripts say "office" in either identity mode. */
    public static final Map<String, String> DEMO_ROLES = Map.of("office", "reform-office", "leader", "leader",
            "inspector", "inspector", "assessor", "assessor", "liaison", "group-liaison");

    /** Every demo user, for the help text. */
    public static final List<String> DEMO_USERS = Stream.concat(DEMO_ROLES.keySet().stream(),
            DEMO_UNIT_USERS.keySet().stream()).sorted().toList();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final String baseUrl;
    private final Path home;

    private Keycloak(Process process, String baseUrl, Path home) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.home = home;
    }

    /**
     * The unpacked distribution under {@code dir}, its scripts made executable (a zip unpacked by Maven loses their
     * mode), or a clear explanation of how to get it.
     */
    public static Path distribution(Path dir) {
        Path home;
        try (Stream<Path> entries = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            home = entries.filter(path -> Files.isRegularFile(path.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution under " + dir
                            + ": org.keycloak:keycloak-quarkus-dist (zip) unpacked there. ./reform-desk fetches it on"
                            + " its first run; ./mvnw -pl console verify (browser tests) and the bench module's"
                            + " package unpack it into their target/keycloak."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(script -> script.toString().endsWith(".sh")).forEach(script -> script.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    /** The realm's data lives in the distribution's embedded database; deleting it re-imports the realm. */
    public static void reset(Path home) {
        LocalPlatform.deleteRecursively(home.resolve("data/h2"));
    }

    /** Starts Keycloak on {@code port} without waiting for it (see {@link #awaitReady}). */
    public static Keycloak start(Path home, int port, Path logDir) {
        String baseUrl = "http://127.0.0.1:" + port;
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve(REALM + "-realm.json"),
                    realmTemplate().replace("${PARTNER_SECRET}", partnerSecret(home))
                            .replace("${CONSOLE_SECRET}", consoleSecret(home)));
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl, "--import-realm",
                    "--http-management-port=" + (port + 1))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("keycloak.log").toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(home));
            String javaHome = System.getenv("KEYCLOAK_JAVA_HOME");
            if (javaHome != null && !javaHome.isBlank()) {
                builder.environment().put("JAVA_HOME", javaHome);
            }
            return new Keycloak(builder.start(), baseUrl, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the realm answers; returns how long that took. */
    public Duration awaitReady(Duration timeout) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + "; see .local/logs/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see .local/logs/keycloak.log");
    }

    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** How the services verify the realm's tokens: discovery from the issuer, keys fetched and rotated by Quarkus. */
    public Map<String, String> quarkusConfig() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    /** Logs a demo user in (password grant through the command-line client) and returns the access token. */
    public static String userToken(String baseUrl, String username) {
        return tokenRequest(baseUrl, Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", DEMO_PASSWORD, "scope", "openid"));
    }

    /**
     * A partner client's token (client credentials): it carries its scope (ledger:read for partner-ledger,
     * progress:write for partner-progress) and no role. The local realm gives both clients the same secret.
     */
    public static String partnerToken(String baseUrl, Path home, String client) {
        return tokenRequest(baseUrl, Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", partnerSecret(home)));
    }

    /**
     * Points a demo user's {@code unit} claim at a unit, or a group liaison's {@code group} claim at a special group, of
     * the directory; the directory assigns their ids, so the realm can only learn them once the demo city is loaded.
     * Their person needs no claim: it is the directory's person with their login as its username.
     */
    public void assign(String username, UUID unit, UUID group) {
        String admin = adminToken();
        String users = baseUrl + "/admin/realms/" + REALM + "/users";
        JsonNode found = send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin)
                .GET());
        if (found.isEmpty()) {
            throw new IllegalStateException("The realm has no demo user " + username);
        }
        ObjectNode user = (ObjectNode) found.get(0);
        ObjectNode attributes = user.withObject("attributes");
        if (unit != null) {
            attributes.set("unit", JSON.createArrayNode().add(unit.toString()));
        }
        if (group != null) {
            attributes.set("group", JSON.createArrayNode().add(group.toString()));
        }
        send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user.toString())));
    }

    /**
     * Adds the console's client to a realm imported before the console existed: Keycloak imports a realm only once,
     * so a kept {@code .local/keycloak} would otherwise answer the console's sign-in with "Client not found".
     */
    public void ensureConsoleClient() {
        String admin = adminToken();
        String clients = baseUrl + "/admin/realms/" + REALM + "/clients";
        if (!send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CONSOLE_CLIENT))
                .header("Authorization", "Bearer " + admin).GET()).isEmpty()) {
            return;
        }
        try {
            JsonNode realm = JSON.readTree(realmTemplate().replace("${CONSOLE_SECRET}", consoleSecret(home)));
            for (JsonNode client : realm.path("clients")) {
                if (CONSOLE_CLIENT.equals(client.path("clientId").asText())) {
                    send(HttpRequest.newBuilder(URI.create(clients)).header("Authorization", "Bearer " + admin)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // on its first start kc.sh execs into java, later it stays the parent of the JVM: stop both
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private String adminToken() {
        return tokenRequest(baseUrl, "master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN, "password", adminPassword(home)));
    }

    private static String tokenRequest(String baseUrl, Map<String, String> form) {
        return tokenRequest(baseUrl, REALM, form);
    }

    private static String tokenRequest(String baseUrl, String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return response.path("access_token").asText();
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " -> " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach Keycloak: " + e.getMessage()
                    + " (is ./reform-desk up running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String realmTemplate() throws IOException {
        try (InputStream in = Keycloak.class.getResourceAsStream("/keycloak/" + REALM + "-realm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Made up at the first start and kept beside the distribution, so no secret lives in the repository. */
    private static String partnerSecret(Path home) {
        return localSecret(home.resolveSibling("partner-ledger.secret"));
    }

    /** The console client's secret, made up at the first start like the partners'. */
    public static String consoleSecret(Path home) {
        return localSecret(home.resolveSibling(CONSOLE_CLIENT + ".secret"));
    }

    /** Where the console signs people in: the realm's issuer, and the console client's secret. */
    public Map<String, String> consoleConfig() {
        return Map.of("quarkus.oidc.auth-server-url", issuer(), "quarkus.oidc.client-id", CONSOLE_CLIENT,
                "quarkus.oidc.credentials.secret", consoleSecret(home));
    }

    private static String adminPassword(Path home) {
        return localSecret(home.resolveSibling("admin.password"));
    }

    private static String localSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
