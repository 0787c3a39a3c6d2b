package org.reformdesk.console.pilots;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.reformdesk.console.api.Page;
import org.reformdesk.console.api.PilotApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 试点: the pilot ledger with counts by level and status; a pilot's summaries (due, missing) and outcomes. */
@Path("/pilots")
class PilotsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pilots(Page page, Map<String, Object> counts, long missing,
                Map<String, String> filter);

        static native TemplateInstance pilot(Map<String, Object> pilot, List<Map<String, Object>> summaries,
                List<Map<String, Object>> outcomes);
    }

    @Inject
    @RestClient
    PilotApi pilots;

    @GET
    public TemplateInstance pilots(@QueryParam("level") String level, @QueryParam("status") String status,
            @QueryParam("overdueSummaries") String overdueSummaries, @QueryParam("page") Integer page) {
        Map<String, String> filter = new LinkedHashMap<>();
        put(filter, "level", level);
        put(filter, "status", status);
        put(filter, "overdueSummaries", overdueSummaries);
        Map<String, String> request = new LinkedHashMap<>(filter);
        request.put("page", page == null ? "0" : page.toString());
        request.put("size", "20");
        long missing = pilots.pilots(Map.of("overdueSummaries", "true", "size", "1")).total();
        return Templates.pilots(pilots.pilots(request), pilots.counts(), missing, filter);
    }

    @GET
    @Path("{id}")
    public TemplateInstance pilot(@PathParam("id") UUID id) {
        return Templates.pilot(pilots.pilot(id), pilots.summaries(id), pilots.outcomes(id));
    }

    private static void put(Map<String, String> filter, String name, String value) {
        if (value != null && !value.isBlank()) {
            filter.put(name, value.strip());
        }
    }
}
