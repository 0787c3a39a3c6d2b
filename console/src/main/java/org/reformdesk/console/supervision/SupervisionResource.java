package org.reformdesk.console.supervision;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.reformdesk.console.api.InspectionApi;
import org.reformdesk.console.api.Page;
import org.reformdesk.console.web.Problem;
import org.reformdesk.console.web.Viewer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 督办: supervision orders by rung with their reply-by dates, an order's escalation history with reply and close;
 * inspections, findings, rectification items and accountability records.
 */
@Path("/supervision")
class SupervisionResource {

    static final List<String> RUNGS = List.of("REMINDER_NOTICE", "ASSIGNMENT_NOTICE", "URGING_NOTICE",
            "RECTIFICATION_ORDER");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance supervision(Page orders, Map<String, String> filter, List<String> rungs,
                Page inspections, Page findings, Page items, Page records);

        static native TemplateInstance order(Map<String, Object> order, List<Map<String, Object>> history,
                List<OrderActions.Offer> offers, Problem problem);

        static native TemplateInstance order$main(Map<String, Object> order, List<Map<String, Object>> history,
                List<OrderActions.Offer> offers, Problem problem);
    }

    @Inject
    @RestClient
    InspectionApi inspection;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance supervision(@QueryParam("rung") String rung, @QueryParam("state") String state,
            @QueryParam("unit") String unit, @QueryParam("subject") String subject, @QueryParam("overdue") String overdue,
            @QueryParam("page") Integer page) {
        Map<String, String> filter = new LinkedHashMap<>();
        put(filter, "rung", rung);
        put(filter, "state", state);
        put(filter, "unit", unit);
        put(filter, "subject", subject);
        put(filter, "overdue", overdue);
        Map<String, String> request = new LinkedHashMap<>(filter);
        request.put("page", page == null ? "0" : page.toString());
        request.put("size", "20");
        Map<String, String> few = Map.of("size", "10");
        return Templates.supervision(inspection.orders(request), filter, RUNGS, inspection.inspections(few),
                inspection.findings(few), inspection.rectificationItems(few), inspection.accountabilityRecords(few));
    }

    @GET
    @Path("orders/{id}")
    public TemplateInstance order(@PathParam("id") UUID id) {
        return render(id, false, Problem.none());
    }

    /** Acknowledge, answer, accept, reject or close: the order's page comes back with its new state. */
    @POST
    @Path("orders/{id}/transitions")
    public TemplateInstance transition(@PathParam("id") UUID id, @RestForm String action, @RestForm String note,
            @RestForm String key) {
        Map<String, Object> transition = new LinkedHashMap<>();
        transition.put("action", action);
        if (note != null && !note.isBlank()) {
            transition.put("note", note.strip());
        }
        try {
            inspection.transition(id, transition, key);
            return render(id, true, Problem.none());
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403 || refused.getResponse().getStatus() == 404) {
                throw refused;
            }
            return render(id, true, Problem.of(refused));
        }
    }

    private TemplateInstance render(UUID id, boolean fragment, Problem problem) {
        Map<String, Object> order = inspection.order(id);
        List<Map<String, Object>> history = inspection.orderHistory(id);
        boolean targetOfficer = viewer.isUnitOfficer() && viewer.unit()
                .map(unit -> unit.toString().equals(String.valueOf(order.get("targetUnitId")))).orElse(false);
        List<OrderActions.Offer> offers = OrderActions.offered(String.valueOf(order.get("state")), targetOfficer,
                viewer.isOffice() || viewer.isInspector());
        return fragment ? Templates.order$main(order, history, offers, problem)
                : Templates.order(order, history, offers, problem);
    }

    private static void put(Map<String, String> filter, String name, String value) {
        if (value != null && !value.isBlank()) {
            filter.put(name, value.strip());
        }
    }
}
