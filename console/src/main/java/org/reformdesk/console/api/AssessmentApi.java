package org.reformdesk.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;
import java.util.UUID;

/** assessment-service: rankings explained point by point, month closes, year-end grades. */
@RegisterRestClient(configKey = "assessment")
@RegisterClientHeaders
@AccessToken
@Path("/api/v1")
public interface AssessmentApi {

    @GET
    @Path("rankings")
    Map<String, Object> ranking(@RestQuery String category, @RestQuery String month, @RestQuery int size);

    @GET
    @Path("rankings/units/{unit}")
    Map<String, Object> scoreCard(@PathParam("unit") UUID unit, @RestQuery String month);

    /** The service's business clock: a month can be closed once it has ended there. */
    @GET
    @Path("clock")
    Map<String, Object> clock();

    /** A closed month's bulletin (一月一通报), .docx; 404 until the month is closed. */
    @GET
    @Path("bulletins/{month}")
    Response bulletin(@PathParam("month") String month);

    /** A month's rankings, one sheet per category, .xlsx. */
    @GET
    @Path("rankings/{month}.xlsx")
    Response rankingSheet(@PathParam("month") String month);

    @POST
    @Path("month-closes")
    Map<String, Object> closeMonth(Map<String, Object> month);

    @POST
    @Path("year-ends/{year}/computation")
    Map<String, Object> computeYear(@PathParam("year") int year);

    @POST
    @Path("year-ends/{year}/publication")
    Map<String, Object> publishYear(@PathParam("year") int year);

    @GET
    @Path("year-ends/{year}")
    Map<String, Object> yearEnd(@PathParam("year") int year, @RestQuery String category, @RestQuery int size);

    @POST
    @Path("manual-scores")
    Map<String, Object> manualScore(Map<String, Object> score, @HeaderParam("Idempotency-Key") String idempotencyKey);
}
