package org.reformdesk.inspection.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.events.Rung;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.time.ServiceClock;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Supervision orders (督办单) over REST: the ladder, each order's lifecycle and its history. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
class OrderResource {

    public record OrderView(UUID id, Rung rung, String rungLabel, OrderKind kind, String kindLabel,
            OrderKind.Priority priority, OrderOrigin origin, String subjectType, UUID subjectId, String subjectTitle,
            UUID targetUnitId, UUID responsibleLeaderId, UUID copiedLeaderId, OrderState state, LocalDate issuedOn,
            LocalDate replyBy, DayCount dayCount, boolean overdue, LocalDate accountabilityDueOn, String reason,
            String basis, String answer, String rejectionReason, String closedReason, UUID supersedes,
            Instant issuedAt, String issuedBy) {

        static OrderView of(SupervisionOrder order, LocalDate today) {
            // DOMAIN.md: the responsible leader is copied from the second rung; key orders copy them from the first.
            boolean copied = order.kind.isKey() || order.rung.ordinal() > 0;
            return new OrderView(order.id, order.rung, order.rung.label(), order.kind,
                    order.kind.label(), order.kind.priority(), order.origin, order.subjectType, order.subjectId,
                    order.subjectTitle, order.targetUnitId, order.responsibleLeaderId,
                    copied ? order.responsibleLeaderId : null, order.state, order.issuedOn, order.replyBy,
                    order.dayCount, order.isOverdue(today), order.accountabilityDueOn, order.reason, order.basis,
                    order.answer, order.rejectionReason, order.closedReason, order.supersedes, order.issuedAt,
                    order.issuedBy);
        }
    }

    public record TransitionView(OrderState from, OrderState to, String action, String actor, Instant at,
            String reason) {

        static TransitionView of(OrderTransition step) {
            return new TransitionView(step.fromState, step.toState, step.action, step.actor, step.at, step.reason);
        }
    }

    /** A leader's instruction (领导批示) or an office decision to supervise a subject. */
    public record NewOrder(
            @NotNull @Pattern(regexp = "TASK|PILOT|FINDING", message = "must be TASK, PILOT or FINDING") String subjectType,
            @NotNull UUID subjectId,
            @NotBlank @Size(max = 500) String subjectTitle,
            @NotNull UUID targetUnitId,
            Rung rung,
            OrderKind kind,
            UUID responsibleLeaderId,
            @NotBlank @Size(max = 2000) String basis,
            @Size(max = 2000) String reason) {
    }

    public record Transition(@NotNull OrderAction action, @Size(max = 2000) String note) {
    }

    @Inject
    OrderService orders;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @POST
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.INSPECTOR})
    @Operation(summary = "Issue an order by hand, e.g. on a leader's instruction (领导批示), with its basis")
    public Response issue(@NotNull @Valid NewOrder request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        OrderKind kind = request.kind() != null ? request.kind() : OrderKind.ROUTINE;
        if (kind.isKey() && request.responsibleLeaderId() == null) {
            throw ProblemException.invalid("responsibleLeaderId", "a " + kind.label() + " copies the responsible "
                    + "leader: name one");
        }
        String reason = request.reason() != null && !request.reason().isBlank() ? request.reason() : "领导批示督办";
        OrderService.Occasion occasion = new OrderService.Occasion(OrderOrigin.LEADER_INSTRUCTION,
                request.subjectType(), request.subjectId(), request.subjectTitle(), request.targetUnitId(),
                request.responsibleLeaderId(), reason);
        SupervisionOrder order = orders.issue(new OrderService.ManualOrder(occasion, request.rung(), kind,
                request.basis()), caller.name(), key);
        return Response.created(URI.create("/api/v1/orders/" + order.id)).entity(OrderView.of(order, clock.today()))
                .build();
    }

    @GET
    @Operation(summary = "Orders, newest first, by subject, target unit, state, rung, kind, overdue and "
            + "accountability; a unit officer sees their unit's")
    public Page<OrderView> list(@QueryParam("subject") UUID subject, @QueryParam("unit") UUID unit,
            @QueryParam("state") OrderState state, @QueryParam("rung") Rung rung,
            @QueryParam("kind") OrderKind kind, @QueryParam("overdue") Boolean overdue,
            @QueryParam("accountabilityDue") Boolean accountabilityDue, @Valid @BeanParam PageRequest paging) {
        UUID scope = caller.readScope(unit).orElse(null);
        LocalDate today = clock.today();
        return orders.list(new OrderService.OrderFilter(subject, scope, state, rung, kind, overdue, accountabilityDue),
                paging).map(order -> OrderView.of(order, today));
    }

    @GET
    @Path("summary")
    @Operation(summary = "Open, overdue, accountability-due, closed and superseded orders per target unit and rung")
    public List<OrderService.SummaryRow> summary(@QueryParam("unit") UUID unit) {
        return orders.summary(caller.readScope(unit).orElse(null));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One order")
    public OrderView get(@PathParam("id") UUID id) {
        return OrderView.of(readable(id), clock.today());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every transition of the order: who, when, from which state to which, and why")
    public List<TransitionView> history(@PathParam("id") UUID id) {
        readable(id);
        return orders.history(id).stream().map(TransitionView::of).toList();
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Roles.REFORM_OFFICE, Roles.INSPECTOR, Roles.UNIT_OFFICER})
    @Operation(summary = "Acknowledge or answer (the target unit), accept, reject with a reason or close "
            + "(the reform office); 409 names the current state when the action does not fit it")
    public OrderView transition(@PathParam("id") UUID id, @NotNull @Valid Transition transition,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        SupervisionOrder order = readable(id);
        switch (transition.action()) {
            case ACKNOWLEDGE, ANSWER -> caller.requireActFor(order.targetUnitId);
            case ACCEPT, REJECT, CLOSE -> {
                if (!caller.hasRole(Roles.REFORM_OFFICE) && !caller.hasRole(Roles.INSPECTOR)) {
                    throw ProblemException.forbidden("Only the reform office and inspectors accept, reject or "
                            + "close orders.");
                }
            }
            case SUPERSEDE -> throw ProblemException.invalid("action", "orders are superseded only by escalation");
        }
        boolean needsNote = transition.action() == OrderAction.ANSWER || transition.action() == OrderAction.REJECT
                || transition.action() == OrderAction.CLOSE;
        if (needsNote && (transition.note() == null || transition.note().isBlank())) {
            throw ProblemException.invalid("note", transition.action() == OrderAction.ANSWER ? "the answer is required"
                    : "a reason is required");
        }
        return OrderView.of(orders.act(id, transition.action(), transition.note(), caller.name(), key), clock.today());
    }

    private SupervisionOrder readable(UUID id) {
        SupervisionOrder order = orders.find(id).orElseThrow(() -> ProblemException.notFound("Order", id));
        caller.requireRead(order.targetUnitId);
        return order;
    }
}
