package org.reformdesk.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the partner departments' OAuth scopes in a service's OpenAPI document where the service admits partners:
 * beside the bearer JWT scheme for people ({@value #USERS}, from quarkus.smallrye-openapi.security-scheme), an oauth2
 * client-credentials scheme ({@value #PARTNERS}) listing the scopes this service admits, and on each operation a
 * partner may call, the scope it takes (reform.security.partner-read-scope for its GETs,
 * reform.security.partner-writes for its writes) — the same configuration
 * {@link org.reformdesk.platform.security.PartnerGate} enforces. A service that admits no partner declares no such
 * scheme, so no client generator offers a partner a way in that ends in 403.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PartnerSecurityScheme implements OASFilter {

    /** The bearer JWT scheme people's tokens use. */
    public static final String USERS = "user-jwt";
    /** The client-credentials scheme partner clients use. */
    public static final String PARTNERS = "partner-client";

    /** Every partner scope of the platform, and what it admits. */
    public static final Map<String, String> SCOPES = scopes();

    private static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("ledger:read", "Read the task ledger: every GET of task-service (tasks, reports, directory)");
        scopes.put("progress:write", "File monthly progress reports: POST /api/v1/tasks/{id}/reports in task-service, "
                + "nothing else");
        scopes.put("rankings:read", "Read scores and rankings: every GET of assessment-service");
        return scopes;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        Optional<String> readScope = config.getOptionalValue("reform.security.partner-read-scope", String.class);
        List<String> writes = config.getOptionalValues("reform.security.partner-writes", String.class)
                .orElse(List.of());
        Map<String, String> admitted = new LinkedHashMap<>();
        readScope.ifPresent(scope -> admitted.put(scope, SCOPES.getOrDefault(scope, scope)));
        writes.forEach(write -> {
            String scope = write.strip().split("\\s+")[0];
            admitted.put(scope, SCOPES.getOrDefault(scope, scope));
        });
        if (admitted.isEmpty()) {
            return;
        }
        String tokenUrl = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(server -> server.replaceFirst("/$", "") + "/protocol/openid-connect/token")
                .orElse("https://id.reform.example.org/realms/reform-desk/protocol/openid-connect/token");
        OAuthFlows flows = OASFactory.createOAuthFlows().clientCredentials(OASFactory.createOAuthFlow()
                .tokenUrl(tokenUrl).scopes(admitted));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(PARTNERS, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2).flows(flows)
                .description("Partner departments' systems: client credentials, no role, only the scopes granted. "
                        + "This service admits: " + admits(config) + "."));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.GET && path.startsWith("/api/")) {
                readScope.ifPresent(scope -> admit(operation, scope));
            }
            for (String write : writes) {
                String[] parts = write.strip().split("\\s+");
                if (parts.length == 3 && parts[1].equalsIgnoreCase(method.name()) && parts[2].equals(path)) {
                    admit(operation, parts[0]);
                }
            }
        }));
    }

    private static String admits(Config config) {
        List<String> admitted = new ArrayList<>();
        config.getOptionalValue("reform.security.partner-read-scope", String.class)
                .ifPresent(scope -> admitted.add(scope + " for every GET"));
        config.getOptionalValues("reform.security.partner-writes", String.class).orElse(List.of())
                .forEach(write -> admitted.add(write.strip().replaceFirst("\\s+", " for ")));
        return admitted.isEmpty() ? "no partner scope" : String.join("; ", admitted);
    }

    /** The operation also takes a partner token with {@code scope}, besides the people's bearer JWT. */
    private static void admit(Operation operation, String scope) {
        SecurityRequirement partner = OASFactory.createSecurityRequirement().addScheme(PARTNERS, scope);
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(USERS));
        }
        operation.addSecurityRequirement(partner);
    }
}
