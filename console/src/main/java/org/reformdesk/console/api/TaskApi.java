package org.reformdesk.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** task-service: the directory, the ledger, reports and spreadsheets (task-service/README.md). */
@RegisterRestClient(configKey = "task")
@RegisterClientHeaders
@AccessToken
@Path("/api/v1")
public interface TaskApi {

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("tasks")
    Page tasks(@RestQuery Map<String, String> filter);

    @GET
    @Path("tasks/summary")
    Map<String, Object> summary(@RestQuery Map<String, String> filter);

    @GET
    @Path("tasks/lights")
    Map<String, Object> lights();

    @GET
    @Path("tasks/{id}")
    Map<String, Object> task(@PathParam("id") UUID id);

    @GET
    @Path("tasks/{id}/history")
    List<Map<String, Object>> history(@PathParam("id") UUID id);

    @POST
    @Path("tasks")
    Map<String, Object> create(Map<String, Object> task, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("tasks/{id}/transitions")
    Map<String, Object> transition(@PathParam("id") UUID id, Map<String, Object> transition);

    /** Corrects descriptive fields (office); fields left out stay. */
    @PATCH
    @Path("tasks/{id}")
    Map<String, Object> edit(@PathParam("id") UUID id, Map<String, Object> edit,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** Hands the task to another lead unit, responsible leader and/or responsible person (office), with a reason. */
    @POST
    @Path("tasks/{id}/reassignments")
    Map<String, Object> reassign(@PathParam("id") UUID id, Map<String, Object> reassignment,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** The task's extension requests (延期申请), newest first. */
    @GET
    @Path("tasks/{id}/extension-requests")
    List<Map<String, Object>> extensionRequests(@PathParam("id") UUID id);

    @POST
    @Path("tasks/{id}/extension-requests")
    Map<String, Object> requestExtension(@PathParam("id") UUID id, Map<String, Object> request,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** Extension requests across the ledger, oldest first; {@code state=PENDING} is the office's queue. */
    @GET
    @Path("extension-requests")
    Page extensionRequests(@RestQuery Map<String, String> filter);

    @POST
    @Path("extension-requests/{requestId}/decision")
    Map<String, Object> decideExtension(@PathParam("requestId") UUID requestId, Map<String, Object> decision,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    @PUT
    @Path("tasks/{id}/milestones/{milestone}")
    Map<String, Object> markMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone,
            Map<String, Object> update);

    @GET
    @Path("tasks/{id}/reports")
    List<Map<String, Object>> reports(@PathParam("id") UUID id);

    @POST
    @Path("tasks/{id}/reports")
    Map<String, Object> fileReport(@PathParam("id") UUID id, Map<String, Object> report);

    @GET
    @Path("tasks/sheet")
    @Produces(XLSX)
    Response export(@RestQuery Map<String, String> filter);

    @POST
    @Path("tasks/sheet")
    @Consumes(XLSX)
    Map<String, Object> importSheet(@RestQuery String status, byte[] workbook,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("units")
    Page units(@RestQuery Map<String, String> filter);

    @POST
    @Path("units")
    Map<String, Object> createUnit(Map<String, Object> unit, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("people")
    Page people(@RestQuery Map<String, String> filter);

    /** The signed-in person of the directory: the token's person claim, else the person their login is; 404 if none. */
    @GET
    @Path("people/me")
    Map<String, Object> me();

    @GET
    @Path("people/{id}")
    Map<String, Object> person(@PathParam("id") UUID id);

    /** The service's business clock (tests and the local run move it). */
    @GET
    @Path("clock")
    Map<String, Object> clock();

    @GET
    @Path("groups")
    Page groups(@RestQuery Map<String, String> filter);
}
