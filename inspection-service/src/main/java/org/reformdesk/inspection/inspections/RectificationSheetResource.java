package org.reformdesk.inspection.inspections;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.sheets.SheetTable;
import org.reformdesk.platform.time.ServiceClock;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rectification list (整改清单) as an .xlsx sheet, filtered as the item list is. */
@Path("/api/v1/rectification-items.xlsx")
@Tag(name = "Inspections")
class RectificationSheetResource {

    /** More items than a city's inspections find in years; a sheet beyond this would not open on an office laptop. */
    static final int SHEET_LIMIT = 100_000;

    static final List<String> HEADERS = List.of("发现问题", "整改事项", "责任单位", "整改时限", "状态", "是否逾期",
            "最新整改报告", "报告时间");

    static final Map<RectificationState, String> STATES = Map.of(RectificationState.RECTIFYING, "整改中",
            RectificationState.REPORTED, "已报告待复查", RectificationState.VERIFIED, "复查通过");

    @Inject
    InspectionService inspections;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @GET
    @Produces(SheetTable.MEDIA_TYPE)
    @Operation(summary = "The rectification items as an .xlsx sheet with Chinese headers, by deadline: finding, item, "
            + "unit, due date, state and the latest report; the list's filters; a unit officer gets their unit's")
    public Response export(@QueryParam("unit") UUID unit, @QueryParam("finding") UUID finding,
            @QueryParam("state") RectificationState state, @QueryParam("overdue") Boolean overdue) {
        UUID scope = caller.readScope(unit).orElse(null);
        List<RectificationItem> items = inspections.allItems(new InspectionService.ItemFilter(scope, finding, state,
                overdue), SHEET_LIMIT);
        Map<UUID, Finding> findings = inspections.findings(items.stream().map(i -> i.findingId).distinct().toList());
        Map<UUID, RectificationReport> latest = inspections.latestReports(items.stream().map(i -> i.id).toList());
        List<Object[]> rows = items.stream().map(item -> {
            Finding found = findings.get(item.findingId);
            RectificationReport report = latest.get(item.id);
            return new Object[] {found == null ? null : found.description, item.description, item.unitId, item.dueOn,
                    STATES.get(item.state), item.isOverdue(clock.today()) ? "是" : "否",
                    report == null ? null : report.content,
                    report == null ? null : report.reportedAt.atZone(clock.getZone()).toLocalDate()};
        }).toList();
        return SheetTable.download("rectification-items.xlsx", "整改清单", HEADERS, rows);
    }
}
