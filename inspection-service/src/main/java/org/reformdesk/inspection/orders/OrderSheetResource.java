package org.reformdesk.inspection.orders;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.events.Rung;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.sheets.SheetTable;
import org.reformdesk.platform.time.ServiceClock;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The supervision orders (督办台账) as the .xlsx sheet offices air in meetings, filtered as the order list is. */
@Path("/api/v1/orders.xlsx")
@Tag(name = "Supervision")
class OrderSheetResource {

    /** More orders than a city issues in years; a sheet beyond this would not open on an office laptop. */
    static final int SHEET_LIMIT = 100_000;

    static final List<String> HEADERS = List.of("督办层级", "督办类别", "责任单位", "督办事项", "签发日期", "答复期限", "状态",
            "是否逾期", "办结日期", "督办事由");

    static final Map<OrderState, String> STATES = Map.of(OrderState.ISSUED, "已签发", OrderState.ACKNOWLEDGED, "已签收",
            OrderState.ANSWERED, "已答复", OrderState.CLOSED, "已办结", OrderState.SUPERSEDED, "已升级");

    @Inject
    OrderService orders;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @GET
    @Produces(SheetTable.MEDIA_TYPE)
    @Operation(summary = "The orders as an .xlsx sheet with Chinese headers, newest first: rung (提示单, 交办单 …), target "
            + "unit, subject, issued date, reply-by, state and closed date; the list's filters; a unit officer gets "
            + "their unit's")
    public Response export(@QueryParam("subject") UUID subject, @QueryParam("unit") UUID unit,
            @QueryParam("state") OrderState state, @QueryParam("rung") Rung rung,
            @QueryParam("kind") OrderKind kind, @QueryParam("overdue") Boolean overdue,
            @QueryParam("accountabilityDue") Boolean accountabilityDue) {
        UUID scope = caller.readScope(unit).orElse(null);
        List<SupervisionOrder> found = orders.all(new OrderService.OrderFilter(subject, scope, state, rung, kind,
                overdue, accountabilityDue), SHEET_LIMIT);
        List<Object[]> rows = found.stream().map(order -> new Object[] {order.rung.label(),
                order.kind.label(), order.targetUnitId, order.subjectTitle, order.issuedOn, order.replyBy,
                STATES.get(order.state), order.isOverdue(clock.today()) ? "是" : "否",
                order.state == OrderState.CLOSED && order.closedAt != null
                        ? order.closedAt.atZone(clock.getZone()).toLocalDate() : null,
                order.reason}).toList();
        return SheetTable.download("supervision-orders.xlsx", "督办台账", HEADERS, rows);
    }
}
