package org.reformdesk.console.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.reformdesk.console.api.InspectionApi;
import org.reformdesk.console.api.TaskApi;
import org.reformdesk.console.web.Calls;
import org.reformdesk.console.web.Charts;
import org.reformdesk.console.web.Directory;
import org.reformdesk.console.web.Messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** 作战图: the ledger's traffic lights per area, category and group, this month's overdue tasks, the ladder. */
@Path("/")
class DashboardResource {

    static final List<String> RUNGS = List.of("REMINDER_NOTICE", "ASSIGNMENT_NOTICE", "URGING_NOTICE",
            "RECTIFICATION_ORDER");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Map<String, Object> summary, Map<String, Object> lights,
                List<Map<String, Object>> overdueThisMonth, Map<String, Long> ladder, Charts.Chart areas,
                Charts.Chart categories, Charts.Chart groups, Charts.Chart funnel);
    }

    @Inject
    @RestClient
    TaskApi tasks;

    @Inject
    @RestClient
    InspectionApi inspection;

    @Inject
    Charts charts;

    @Inject
    Directory directory;

    @Inject
    Messages msg;

    /** Runs the services' calls with this request's context ({@link Calls}). */
    @Inject
    ManagedExecutor executor;

    @GET
    public TemplateInstance dashboard() {
        // four independent calls at once
        CompletableFuture<Map<String, Object>> askedSummary = executor.supplyAsync(() -> tasks.summary(Map.of()));
        CompletableFuture<Map<String, Object>> askedLights = executor.supplyAsync(tasks::lights);
        CompletableFuture<List<Map<String, Object>>> askedOverdue = executor.supplyAsync(() -> tasks.tasks(Map.of(
                "timeliness", "OVERDUE", "sort", "-deadline", "size", "10")).items());
        CompletableFuture<List<Map<String, Object>>> askedOrders = executor.supplyAsync(() ->
                inspection.orderSummary(Map.of()));
        Map<String, Object> summary = Calls.answer(askedSummary);
        Map<String, Object> lights = Calls.answer(askedLights);
        LocalDate monthStart = LocalDate.parse(String.valueOf(lights.get("today"))).withDayOfMonth(1);
        List<Map<String, Object>> overdueThisMonth = Calls.answer(askedOverdue).stream()
                .filter(task -> !LocalDate.parse(String.valueOf(task.get("deadline"))).isBefore(monthStart)).toList();
        Map<String, Long> ladder = new LinkedHashMap<>();
        RUNGS.forEach(rung -> ladder.put(rung, 0L));
        for (Map<String, Object> row : Calls.answer(askedOrders)) {
            ladder.merge(String.valueOf(row.get("rung")), ((Number) row.get("open")).longValue(), Long::sum);
        }
        return Templates.dashboard(summary, lights, overdueThisMonth, ladder,
                lightsChart(rows(lights, "byArea"), row -> String.valueOf(row.get("key")), row -> "area=" + enc(row.get("key"))),
                lightsChart(rows(lights, "byCategory"), row -> msg.category(String.valueOf(row.get("key"))).replaceAll("（.*", ""),
                        row -> null),
                lightsChart(rows(lights, "byGroup"), row -> String.valueOf(row.get("name")), row -> "group=" + enc(row.get("key"))),
                funnel(ladder));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> lights, String table) {
        return (List<Map<String, Object>>) lights.getOrDefault(table, List.of());
    }

    private Charts.Chart lightsChart(List<Map<String, Object>> rows,
            java.util.function.Function<Map<String, Object>, String> label,
            java.util.function.Function<Map<String, Object>, String> filter) {
        List<String> names = new ArrayList<>();
        List<Long> red = new ArrayList<>();
        List<Long> yellow = new ArrayList<>();
        List<Long> green = new ArrayList<>();
        Map<String, String> links = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String name = label.apply(row);
            names.add(name);
            red.add(count(row.get("overdue")));
            yellow.add(count(row.get("dueSoon")));
            green.add(count(row.get("onTrack")));
            String query = filter.apply(row);
            if (query != null) {
                links.put(name, "/ledger?" + query);
            }
        }
        return charts.bars(names, List.of(new Charts.Series(msg.light("OVERDUE"), Charts.RED, red),
                new Charts.Series(msg.light("DUE_SOON"), Charts.YELLOW, yellow),
                new Charts.Series(msg.light("ON_TRACK"), Charts.GREEN, green)), true, links);
    }

    /** A bar's value; none for zero, so the chart draws no empty segment with a "0" on it. */
    private static Long count(Object value) {
        long count = ((Number) value).longValue();
        return count == 0 ? null : count;
    }

    private Charts.Chart funnel(Map<String, Long> ladder) {
        List<String> names = new ArrayList<>();
        Map<String, String> links = new LinkedHashMap<>();
        ladder.keySet().forEach(rung -> {
            names.add(msg.rung(rung));
            links.put(msg.rung(rung), "/supervision?rung=" + rung);
        });
        List<Long> open = new ArrayList<>();
        ladder.values().forEach(n -> open.add(count(n)));
        return charts.bars(names, List.of(new Charts.Series(msg.open(), Charts.RED, open)), true, links);
    }

    static String enc(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
