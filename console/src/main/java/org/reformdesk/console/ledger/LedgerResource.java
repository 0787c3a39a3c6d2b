package org.reformdesk.console.ledger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.reformdesk.console.api.Page;
import org.reformdesk.console.api.TaskApi;
import org.reformdesk.console.web.ConsoleConfig;
import org.reformdesk.console.web.Directory;
import org.reformdesk.console.web.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 台账: the task ledger, filtered and paged by task-service; its Excel export and import go through the
 * service's own spreadsheet endpoints; the reform office enters units and tasks here.
 */
@Path("/ledger")
class LedgerResource {

    /** The ledger filters task-service understands (task-service/README.md) and the console passes on. */
    static final List<String> FILTERS = List.of("status", "timeliness", "area", "year", "leadUnit", "unit", "group",
            "origin", "q", "sort");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(Page page, Map<String, String> filter, String query,
                List<String> areas);

        static native TemplateInstance ledger$rows(Page page, Map<String, String> filter, String query);

        static native TemplateInstance importResult(Problem problem, Integer imported);

        static native TemplateInstance newTask(Problem problem, Map<String, String> form, List<String> areas,
                Map<String, Object> created);

        static native TemplateInstance newUnit(Problem problem, Map<String, String> form, Map<String, Object> created);
    }

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    ConsoleConfig config;

    @Inject
    Directory directory;

    @GET
    public TemplateInstance ledger(UriInfo uri, @HeaderParam("HX-Request") String htmx,
            @HeaderParam("HX-Target") String target) {
        Map<String, String> filter = filter(uri);
        Map<String, String> request = new LinkedHashMap<>(filter);
        request.put("page", uri.getQueryParameters().getFirst("page") == null ? "0"
                : uri.getQueryParameters().getFirst("page"));
        request.put("size", Integer.toString(config.pageSize()));
        String query = query(filter);
        if (htmx != null && "ledger-rows".equals(target)) {
            return Templates.ledger$rows(tasks.tasks(request), filter, query);
        }
        directory.askAhead(); // the filters' units and groups, while task-service finds the page
        return Templates.ledger(tasks.tasks(request), filter, query, config.policyAreas());
    }

    /** The filtered ledger as task-service's .xlsx, passed through. */
    @GET
    @Path("export")
    public Response export(UriInfo uri) {
        Response sheet = tasks.export(filter(uri));
        byte[] body = sheet.readEntity(byte[].class);
        return Response.ok(body, TaskApi.XLSX)
                .header("Content-Disposition", "attachment; filename=\"reform-ledger.xlsx\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode("改革任务台账.xlsx", java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    /** A task list from a spreadsheet: every bad row comes back with its number, and nothing is stored. */
    @POST
    @Path("import")
    public TemplateInstance importSheet(@RestForm("sheet") FileUpload sheet, @RestForm("status") String status,
            @RestForm("key") String idempotencyKey) {
        if (sheet == null || sheet.size() == 0) {
            return Templates.importResult(new Problem(400, null, null, Map.of("sheet", "请选择 .xlsx 文件")), null);
        }
        try {
            Map<String, Object> imported = tasks.importSheet("ASSIGNED".equals(status) ? "ASSIGNED" : "DRAFT",
                    Files.readAllBytes(sheet.uploadedFile()), idempotencyKey);
            return Templates.importResult(Problem.none(), ((Number) imported.getOrDefault("imported",
                    imported.getOrDefault("created", 0))).intValue());
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403) {
                throw refused;
            }
            return Templates.importResult(Problem.of(refused), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("new-task")
    public TemplateInstance newTaskForm() {
        return Templates.newTask(Problem.none(), Map.of("key", UUID.randomUUID().toString()), config.policyAreas(), null);
    }

    /** Enters a task; the service's field errors are shown next to the fields and nothing is stored. */
    @POST
    @Path("new-task")
    public TemplateInstance newTask(@RestForm String title, @RestForm String description,
            @RestForm String leadUnitId, @RestForm String responsiblePersonId, @RestForm String deadline,
            @RestForm String area, @RestForm String participatingUnitId, @RestForm String key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("description", description);
        form.put("leadUnitId", leadUnitId);
        form.put("responsiblePersonId", responsiblePersonId);
        form.put("deadline", deadline);
        form.put("area", area);
        form.put("participatingUnitId", participatingUnitId);
        form.put("key", key);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", title);
        put(task, "description", description);
        put(task, "leadUnitId", leadUnitId);
        put(task, "responsiblePersonId", responsiblePersonId);
        put(task, "deadline", deadline);
        if (area != null && !area.isBlank()) {
            task.put("policyAreas", List.of(area));
        }
        if (participatingUnitId != null && !participatingUnitId.isBlank()) {
            task.put("participatingUnitIds", List.of(participatingUnitId));
        }
        try {
            Map<String, Object> created = tasks.create(task, key);
            return Templates.newTask(Problem.none(), Map.of("key", UUID.randomUUID().toString()),
                    config.policyAreas(), created);
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403) {
                throw refused;
            }
            return Templates.newTask(Problem.of(refused), form, config.policyAreas(), null);
        }
    }

    @GET
    @Path("new-unit")
    public TemplateInstance newUnitForm() {
        return Templates.newUnit(Problem.none(), Map.of("key", UUID.randomUUID().toString()), null);
    }

    @POST
    @Path("new-unit")
    public TemplateInstance newUnit(@RestForm String code, @RestForm String name, @RestForm String category,
            @RestForm String kind, @RestForm String key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("name", name);
        form.put("category", category);
        form.put("kind", kind);
        form.put("key", key);
        Map<String, Object> unit = new LinkedHashMap<>();
        put(unit, "code", code);
        put(unit, "name", name);
        put(unit, "category", category);
        put(unit, "kind", kind);
        try {
            Map<String, Object> created = tasks.createUnit(unit, key);
            return Templates.newUnit(Problem.none(), Map.of("key", UUID.randomUUID().toString()), created);
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403) {
                throw refused;
            }
            return Templates.newUnit(Problem.of(refused), form, null);
        }
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    static Map<String, String> filter(UriInfo uri) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = uri.getQueryParameters().getFirst(name);
            if (value != null && !value.isBlank()) {
                filter.put(name, value.strip());
            }
        }
        return filter;
    }

    /** The filter as a query string, for the pager and the export link. */
    static String query(Map<String, String> filter) {
        StringBuilder query = new StringBuilder();
        filter.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }
}
