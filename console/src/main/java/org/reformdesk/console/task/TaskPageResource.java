package org.reformdesk.console.task;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.reformdesk.console.api.TaskApi;
import org.reformdesk.console.web.Problem;
import org.reformdesk.console.web.Viewer;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 任务: one task with its four-part responsibility chain, milestones, monthly reports and history, and the moves the
 * person may make. A task of another unit is task-service's 403, shown as the console's 403 page.
 */
@Path("/tasks/{id}")
public class TaskPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance task(Map<String, Object> task, List<Map<String, Object>> history,
                List<Map<String, Object>> reports, List<TaskActions.Offer> offers, boolean mayReport,
                boolean mayMarkMilestones, Problem problem, Map<String, String> form, String period);

        static native TemplateInstance task$main(Map<String, Object> task, List<Map<String, Object>> history,
                List<Map<String, Object>> reports, List<TaskActions.Offer> offers, boolean mayReport,
                boolean mayMarkMilestones, Problem problem, Map<String, String> form, String period);
    }

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance page(@PathParam("id") UUID id) {
        return render(id, false, Problem.none(), Map.of());
    }

    /** A lifecycle move; the page's main part comes back with the new status or the service's problem. */
    @POST
    @Path("transitions")
    public TemplateInstance move(@PathParam("id") UUID id, @RestForm String action, @RestForm String reason) {
        Map<String, Object> transition = new LinkedHashMap<>();
        transition.put("action", action);
        if (reason != null && !reason.isBlank()) {
            transition.put("reason", reason.strip());
        }
        try {
            tasks.transition(id, transition);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedOrThrow(id, refused, Map.of("action", String.valueOf(action)));
        }
    }

    @POST
    @Path("milestones/{milestone}")
    public TemplateInstance milestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone,
            @RestForm boolean done) {
        try {
            tasks.markMilestone(id, milestone, Map.of("done", done));
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedOrThrow(id, refused, Map.of());
        }
    }

    /** The month's progress report (进展报告); a second filing for the month revises it. */
    @POST
    @Path("reports")
    public TemplateInstance report(@PathParam("id") UUID id, @RestForm String period, @RestForm String percent,
            @RestForm String narrative, @RestForm String problems, @RestForm String nextSteps) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("period", period);
        form.put("percent", percent);
        form.put("narrative", narrative);
        form.put("problems", problems);
        form.put("nextSteps", nextSteps);
        Map<String, Object> report = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                report.put(field, "percent".equals(field) ? parsePercent(value) : value.strip());
            }
        });
        try {
            tasks.fileReport(id, report);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedOrThrow(id, refused, form);
        }
    }

    private TemplateInstance refusedOrThrow(UUID id, WebApplicationException refused, Map<String, String> form) {
        if (refused.getResponse().getStatus() == 403 || refused.getResponse().getStatus() == 404) {
            throw refused;
        }
        return render(id, true, Problem.of(refused), form);
    }

    private TemplateInstance render(UUID id, boolean fragment, Problem problem, Map<String, String> form) {
        Map<String, Object> task = tasks.task(id);
        List<Map<String, Object>> history = tasks.history(id);
        List<Map<String, Object>> reports = tasks.reports(id);
        String status = String.valueOf(task.get("status"));
        boolean leadUnitOfficer = viewer.isUnitOfficer()
                && viewer.unit().map(unit -> unit.toString().equals(String.valueOf(task.get("leadUnitId")))).orElse(false);
        List<TaskActions.Offer> offers = TaskActions.offered(status, viewer.isOffice(), leadUnitOfficer);
        boolean open = List.of("ASSIGNED", "IN_PROGRESS", "CLOSE_REQUESTED").contains(status);
        boolean mayReport = open && (viewer.isOffice() || leadUnitOfficer);
        boolean mayMarkMilestones = viewer.isOffice() || leadUnitOfficer;
        String period = YearMonth.from(java.time.LocalDate.parse(String.valueOf(tasks.clock().get("today")))).toString();
        return fragment
                ? Templates.task$main(task, history, reports, offers, mayReport, mayMarkMilestones, problem, form, period)
                : Templates.task(task, history, reports, offers, mayReport, mayMarkMilestones, problem, form, period);
    }

    private static Object parsePercent(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            return value.strip(); // the service names the field and says what it wants
        }
    }
}
