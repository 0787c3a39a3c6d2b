package org.reformdesk.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** pilot-service: the pilot ledger, summaries and outcomes (pilot-service/README.md). */
@RegisterRestClient(configKey = "pilot")
@RegisterClientHeaders
@AccessToken
@Path("/api/v1/pilots")
public interface PilotApi {

    @GET
    Page pilots(@RestQuery Map<String, String> filter);

    @GET
    @Path("counts")
    Map<String, Object> counts();

    @GET
    @Path("{id}")
    Map<String, Object> pilot(@PathParam("id") UUID id);

    @GET
    @Path("{id}/summaries")
    List<Map<String, Object>> summaries(@PathParam("id") UUID id);

    @GET
    @Path("{id}/outcomes")
    List<Map<String, Object>> outcomes(@PathParam("id") UUID id);
}
