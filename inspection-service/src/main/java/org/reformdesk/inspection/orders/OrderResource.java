package org.reformdesk.inspection.orders;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.events.Rung;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;

import java.time.LocalDate;
import java.util.UUID;

/** Supervision orders (督办单) over REST. */
@Path("/api/v1/orders")
@Tag(name = "Supervision")
public class OrderResource {

    public record OrderView(UUID id, Rung rung, String subjectType, UUID subjectId, String subjectTitle,
            UUID targetUnitId, OrderState state, LocalDate issuedOn, LocalDate replyBy, String reason,
            UUID supersedes) {

        static OrderView of(SupervisionOrder order) {
            return new OrderView(order.id, order.rung, order.subjectType, order.subjectId, order.subjectTitle,
                    order.targetUnitId, order.state, order.issuedOn, order.replyBy, order.reason, order.supersedes);
        }
    }

    @Inject
    OrderService orders;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Orders, newest first, by subject, target unit, state and rung; a unit officer sees their unit's")
    public Page<OrderView> list(@QueryParam("subject") UUID subject, @QueryParam("unit") UUID unit,
            @QueryParam("state") OrderState state, @QueryParam("rung") Rung rung,
            @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(unit).orElse(null);
        return orders.list(new OrderService.OrderFilter(subject, scope, state, rung), paging).map(OrderView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One order")
    public OrderView get(@PathParam("id") UUID id) {
        SupervisionOrder order = orders.find(id).orElseThrow(() -> ProblemException.notFound("Order", id));
        caller.requireRead(order.targetUnitId);
        return OrderView.of(order);
    }
}
