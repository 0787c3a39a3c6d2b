package org.reformdesk.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** inspection-service: supervision orders on the ladder, inspections, findings, rectification, accountability. */
@RegisterRestClient(configKey = "inspection")
@RegisterClientHeaders
@AccessToken
@Path("/api/v1")
public interface InspectionApi {

    @GET
    @Path("orders")
    Page orders(@RestQuery Map<String, String> filter);

    @GET
    @Path("orders/summary")
    List<Map<String, Object>> orderSummary(@RestQuery Map<String, String> filter);

    @GET
    @Path("orders/{id}")
    Map<String, Object> order(@PathParam("id") UUID id);

    @GET
    @Path("orders/{id}/history")
    List<Map<String, Object>> orderHistory(@PathParam("id") UUID id);

    @POST
    @Path("orders/{id}/transitions")
    Map<String, Object> transition(@PathParam("id") UUID id, Map<String, Object> transition,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("inspections")
    Page inspections(@RestQuery Map<String, String> filter);

    @GET
    @Path("findings")
    Page findings(@RestQuery Map<String, String> filter);

    @GET
    @Path("rectification-items")
    Page rectificationItems(@RestQuery Map<String, String> filter);

    @GET
    @Path("accountability-records")
    Page accountabilityRecords(@RestQuery Map<String, String> filter);
}
