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
import org.reformdesk.console.web.ConsoleConfig;
import org.reformdesk.console.web.Problem;
import org.reformdesk.console.web.Viewer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 任务: one task with its four-part responsibility chain, milestones, monthly reports, extension requests and
 * history, and the moves the person may make. A task of another unit is task-service's 403, shown as the console's
 * 403 page; a write the service refuses comes back as its problem beside the form that sent it.
 */
@Path("/tasks/{id}")
class TaskPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance task(Map<String, Object> task, List<Map<String, Object>> history,
                List<Map<String, Object>> reports, List<Map<String, Object>> extensions, Map<String, Object> pending,
                List<TaskActions.Offer> offers, TaskActions.Changes changes, boolean mayReport,
                boolean mayMarkMilestones, Problem problem, Map<String, Object> form, String period,
                List<String> areas);

        static native TemplateInstance task$main(Map<String, Object> task, List<Map<String, Object>> history,
                List<Map<String, Object>> reports, List<Map<String, Object>> extensions, Map<String, Object> pending,
                List<TaskActions.Offer> offers, TaskActions.Changes changes, boolean mayReport,
                boolean mayMarkMilestones, Problem problem, Map<String, Object> form, String period,
                List<String> areas);
    }

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    Viewer viewer;

    @Inject
    ConsoleConfig config;

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
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("period", period);
        form.put("percent", percent);
        form.put("narrative", narrative);
        form.put("problems", problems);
        form.put("nextSteps", nextSteps);
        Map<String, Object> report = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (value instanceof String text && !text.isBlank()) {
                report.put(field, "percent".equals(field) ? parsePercent(text) : text.strip());
            }
        });
        try {
            tasks.fileReport(id, report);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedOrThrow(id, refused, form);
        }
    }

    /** 申请延期: the lead unit asks for a later deadline, with its reason, before the deadline passes. */
    @POST
    @Path("extension-requests")
    public TemplateInstance requestExtension(@PathParam("id") UUID id, @RestForm String requestedDeadline,
            @RestForm String reason, @RestForm String key) {
        Map<String, Object> form = sent("extension");
        form.put("requestedDeadline", requestedDeadline);
        form.put("reason", reason);
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "requestedDeadline", requestedDeadline);
        put(request, "reason", reason);
        try {
            tasks.requestExtension(id, request, key);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedBesideForm(id, refused, form);
        }
    }

    /** The office's 同意 / 驳回 of the pending request, with its comment (an approval may grant an earlier date). */
    @POST
    @Path("extension-requests/{request}/decision")
    public TemplateInstance decideExtension(@PathParam("id") UUID id, @PathParam("request") UUID request,
            @RestForm String decision, @RestForm String comment, @RestForm String deadline, @RestForm String key) {
        Map<String, Object> form = sent("decision");
        form.put("comment", comment);
        form.put("deadline", deadline);
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "decision", decision);
        put(body, "comment", comment);
        if ("APPROVED".equals(decision)) {
            put(body, "deadline", deadline);
        }
        try {
            tasks.decideExtension(request, body, key);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedBesideForm(id, refused, form);
        }
    }

    /** 编辑: the office corrects the title, description, policy areas and participating units (PATCH); the rest stays. */
    @POST
    @Path("edit")
    public TemplateInstance edit(@PathParam("id") UUID id, @RestForm String title, @RestForm String description,
            @RestForm("policyAreas") List<String> policyAreas,
            @RestForm("participatingUnitIds") List<String> participatingUnitIds, @RestForm String key) {
        List<String> areas = policyAreas == null ? List.of() : policyAreas;
        List<String> participants = participatingUnitIds == null ? List.of() : participatingUnitIds;
        Map<String, Object> form = sent("edit");
        form.put("title", title);
        form.put("description", description);
        form.put("policyAreas", areas);
        form.put("participatingUnitIds", participants);
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("title", title == null ? "" : title);
        edit.put("description", description == null ? "" : description);
        edit.put("policyAreas", areas);
        edit.put("participatingUnitIds", participants);
        try {
            tasks.edit(id, edit, key);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedBesideForm(id, refused, form);
        }
    }

    /** 改派: the office hands the task to another lead unit, responsible leader or responsible person, with a reason. */
    @POST
    @Path("reassignments")
    public TemplateInstance reassign(@PathParam("id") UUID id, @RestForm String leadUnitId,
            @RestForm String responsibleLeaderId, @RestForm String responsiblePersonId, @RestForm String reason,
            @RestForm boolean closeOpenOrders, @RestForm String key) {
        Map<String, Object> form = sent("reassign");
        form.put("leadUnitId", leadUnitId);
        form.put("responsibleLeaderId", responsibleLeaderId);
        form.put("responsiblePersonId", responsiblePersonId);
        form.put("reason", reason);
        form.put("closeOpenOrders", closeOpenOrders);
        Map<String, Object> reassignment = new LinkedHashMap<>();
        put(reassignment, "leadUnitId", leadUnitId);
        put(reassignment, "responsibleLeaderId", responsibleLeaderId);
        put(reassignment, "responsiblePersonId", responsiblePersonId);
        put(reassignment, "reason", reason);
        reassignment.put("closeOpenOrders", closeOpenOrders);
        try {
            tasks.reassign(id, reassignment, key);
            return render(id, true, Problem.none(), Map.of());
        } catch (WebApplicationException refused) {
            return refusedBesideForm(id, refused, form);
        }
    }

    private TemplateInstance refusedOrThrow(UUID id, WebApplicationException refused, Map<String, Object> form) {
        if (refused.getResponse().getStatus() == 403 || refused.getResponse().getStatus() == 404) {
            throw refused;
        }
        return render(id, true, Problem.of(refused), form);
    }

    /**
     * A refusal of one of the forms below the lifecycle, a 403 included (the person still reads the task, only this
     * write is not theirs), shown beside that form; a task that is gone, or a service that failed, is the error page.
     */
    private TemplateInstance refusedBesideForm(UUID id, WebApplicationException refused, Map<String, Object> form) {
        int status = refused.getResponse().getStatus();
        if (status == 401 || status == 404 || status >= 500) {
            throw refused;
        }
        return render(id, true, Problem.of(refused), form);
    }

    private TemplateInstance render(UUID id, boolean fragment, Problem problem, Map<String, Object> form) {
        Map<String, Object> task = tasks.task(id);
        List<Map<String, Object>> history = HistoryRows.of(tasks.history(id));
        List<Map<String, Object>> reports = tasks.reports(id);
        List<Map<String, Object>> extensions = tasks.extensionRequests(id);
        Map<String, Object> pending = extensions.stream().filter(request -> "PENDING".equals(request.get("state")))
                .findFirst().orElse(null);
        String status = String.valueOf(task.get("status"));
        boolean leadUnitOfficer = viewer.isUnitOfficer()
                && viewer.unit().map(unit -> unit.toString().equals(String.valueOf(task.get("leadUnitId")))).orElse(false);
        List<TaskActions.Offer> offers = TaskActions.offered(status, viewer.isOffice(), leadUnitOfficer);
        LocalDate today = LocalDate.parse(String.valueOf(tasks.clock().get("today")));
        LocalDate deadline = task.get("deadline") == null ? null : LocalDate.parse(task.get("deadline").toString());
        TaskActions.Changes changes = TaskActions.changes(status, viewer.isOffice(), leadUnitOfficer, deadline, today,
                pending != null);
        boolean open = List.of("ASSIGNED", "IN_PROGRESS", "CLOSE_REQUESTED").contains(status);
        boolean mayReport = open && (viewer.isOffice() || leadUnitOfficer);
        boolean mayMarkMilestones = viewer.isOffice() || leadUnitOfficer;
        String period = YearMonth.from(today).toString();
        List<String> areas = config.policyAreas();
        return fragment
                ? Templates.task$main(task, history, reports, extensions, pending, offers, changes, mayReport,
                        mayMarkMilestones, problem, form, period, areas)
                : Templates.task(task, history, reports, extensions, pending, offers, changes, mayReport,
                        mayMarkMilestones, problem, form, period, areas);
    }

    /** The values a form sent, named by the form (key {@code form}) so the page shows its problem beside it. */
    private static Map<String, Object> sent(String formName) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("form", formName);
        return form;
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    private static Object parsePercent(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            return value.strip(); // the service names the field and says what it wants
        }
    }
}
