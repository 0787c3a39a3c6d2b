package org.reformdesk.inspection.orders;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.reformdesk.events.OrderClosed;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.ReformEvent;
import org.reformdesk.events.Rung;
import org.reformdesk.inspection.calendar.CalendarService;
import org.reformdesk.inspection.calendar.WorkingCalendar;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.inbox.IncomingEvent;
import org.reformdesk.platform.inbox.OncePerBatch;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Issues supervision orders, moves them through their lifecycle and up the ladder. */
@ApplicationScoped
class OrderService {

    /** What an order list can filter on; null fields do not filter. */
    public record OrderFilter(UUID subject, UUID targetUnit, OrderState state, Rung rung, OrderKind kind,
            Boolean overdue, Boolean accountabilityDue) {
    }

    /** What calls for an order: its subject, target unit and why. */
    public record Occasion(OrderOrigin origin, String subjectType, UUID subjectId, String subjectTitle,
            UUID targetUnitId, UUID responsibleLeaderId, String reason) {
    }

    /** A leader's instruction (领导批示) or an office decision to supervise, entered by hand. */
    public record ManualOrder(Occasion occasion, Rung rung, OrderKind kind, String basis) {
    }

    /** Open orders and overdue ones, per target unit and rung. */
    public record SummaryRow(UUID unitId, Rung rung, long open, long overdue, long accountabilityDue, long closed,
            long superseded) {
    }

    static final String SYSTEM = "system";
    private static final String CAUSE = "督办事由：";

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    LadderConfig config;

    @Inject
    CalendarService calendars;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    EntityManager entityManager;

    @Inject
    OncePerBatch oncePerBatch;

    /**
     * A task that goes overdue gets the first rung, or the next rung if an order is already open on it; at the
     * top of the ladder the open order stays as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SupervisionOrder> overdue(Occasion occasion, LocalDate issuedOn) {
        Optional<SupervisionOrder> open = openOn(occasion.subjectId());
        if (open.isEmpty()) {
            return Optional.of(issueFirst(occasion, config.ladder(), OrderKind.ROUTINE, null, issuedOn, SYSTEM));
        }
        SupervisionOrder current = open.get();
        if (current.ladder().isTop(current.rung)) {
            return Optional.empty();
        }
        WorkingCalendar calendar = calendars.calendar();
        supersede(List.of(current), occasion.reason(), SYSTEM);
        return Optional.of(escalated(current, issuedOn, calendar, SYSTEM));
    }

    /** An occasion that calls for a first rung only (a late report, a late pilot summary): none if one is open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SupervisionOrder> firstRung(Occasion occasion, LocalDate issuedOn) {
        if (openOn(occasion.subjectId()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(issueFirst(occasion, config.ladder(), OrderKind.ROUTINE, null, issuedOn, SYSTEM));
    }

    /** Issues an order by hand; refused while another order on the subject is open. */
    @Transactional
    public SupervisionOrder issue(ManualOrder request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/orders", request, () -> {
            SupervisionOrder.openFor(request.occasion().subjectId()).ifPresent(open -> {
                throw ProblemException.conflict("Order already open", "Order " + open.id + " (" + open.rung
                        + ", " + open.state + ") is open on subject " + open.subjectId
                        + "; there is at most one open order per subject.");
            });
            Ladder ladder = config.ladder();
            Rung rung = request.rung() != null ? request.rung() : ladder.first();
            return issue(rung, request.occasion(), ladder, request.kind(), request.basis(), clock.today(),
                    calendars.calendar(), null, actor).id;
        });
        return SupervisionOrder.findById(id);
    }

    /**
     * Moves an order one step in its lifecycle. Acknowledging and answering belong to the target unit;
     * accepting, rejecting and closing to the reform office (the resource checks who may).
     */
    @Transactional
    public SupervisionOrder act(UUID id, OrderAction action, String note, String actor, String idempotencyKey) {
        idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/orders/" + id + "/transitions",
                List.of(action, String.valueOf(note)), () -> {
                    SupervisionOrder order = SupervisionOrder.<SupervisionOrder>findByIdOptional(id,
                            LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("Order", id));
                    return move(order, action, note, actor).id;
                });
        return SupervisionOrder.findById(id);
    }

    /** Closes every open order on a subject that was itself closed, completed or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SupervisionOrder> closeOpenOn(UUID subjectId, String reason) {
        if (!mayHaveOpen(subjectId)) {
            return List.of();
        }
        List<SupervisionOrder> open = SupervisionOrder.list("subjectId = ?1 and state in ?2", subjectId,
                OrderState.OPEN);
        open.forEach(order -> move(order, OrderAction.CLOSE, reason, SYSTEM));
        return open;
    }

    public Optional<SupervisionOrder> find(UUID id) {
        return SupervisionOrder.findByIdOptional(id);
    }

    public List<OrderTransition> history(UUID orderId) {
        return OrderTransition.list("orderId = ?1 order by at, case when action = 'ISSUE' then 0 else 1 end",
                orderId);
    }

    public Page<SupervisionOrder> list(OrderFilter filter, PageRequest paging) {
        PanacheQuery<SupervisionOrder> found = find(filter);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    /** Every order the filter selects, newest first, at most {@code limit}: a sheet's rows. */
    public List<SupervisionOrder> all(OrderFilter filter, int limit) {
        return find(filter).range(0, limit - 1).list();
    }

    private PanacheQuery<SupervisionOrder> find(OrderFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.subject() != null) {
            where.add("subjectId = :subject");
            params.put("subject", filter.subject());
        }
        if (filter.targetUnit() != null) {
            where.add("targetUnitId = :unit");
            params.put("unit", filter.targetUnit());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.put("state", filter.state());
        }
        if (filter.rung() != null) {
            where.add("rung = :rung");
            params.put("rung", filter.rung());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(state in :open and replyBy < :today)"
                    : "(state not in :open or replyBy >= :today)");
            params.put("open", OrderState.OPEN);
            params.put("today", clock.today());
        }
        if (filter.accountabilityDue() != null) {
            where.add(filter.accountabilityDue() ? "accountabilityDueOn is not null" : "accountabilityDueOn is null");
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by issuedAt desc, id";
        return SupervisionOrder.find(query, params);
    }

    public List<SummaryRow> summary(UUID unit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT target_unit_id, rung,
                               count(*) FILTER (WHERE state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED')),
                               count(*) FILTER (WHERE state IN ('ISSUED', 'ACKNOWLEDGED', 'ANSWERED')
                                                  AND reply_by < :today),
                               count(*) FILTER (WHERE accountability_due_on IS NOT NULL),
                               count(*) FILTER (WHERE state = 'CLOSED'),
                               count(*) FILTER (WHERE state = 'SUPERSEDED')
                        FROM supervision_order
                        WHERE CAST(:unit AS uuid) IS NULL OR target_unit_id = CAST(:unit AS uuid)
                        GROUP BY target_unit_id, rung
                        ORDER BY target_unit_id, rung""")
                .setParameter("today", clock.today())
                .setParameter("unit", unit == null ? null : unit.toString())
                .getResultList();
        return rows.stream().map(r -> new SummaryRow((UUID) r[0], Rung.valueOf((String) r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue())).toList();
    }

    /** Marks orders superseded, flushed so that their replacements can be the subjects' one open order. */
    void supersede(List<SupervisionOrder> orders, String why, String actor) {
        for (SupervisionOrder order : orders) {
            move(order, OrderAction.SUPERSEDE, why, actor);
        }
        entityManager.flush();
    }

    /** The next rung's order replacing {@code lower}, with the lower order's frozen ladder, kind and basis. */
    SupervisionOrder escalated(SupervisionOrder lower, LocalDate issuedOn, WorkingCalendar calendar, String actor) {
        SupervisionOrder order = nextRung(lower, issuedOn, calendar, actor);
        store(order);
        return order;
    }

    /** The order one rung above {@code lower}, built but not stored (the sweep stores a batch at once). */
    SupervisionOrder nextRung(SupervisionOrder lower, LocalDate issuedOn, WorkingCalendar calendar, String actor) {
        Ladder ladder = lower.ladder();
        Rung rung = ladder.above(lower.rung).orElseThrow();
        Occasion occasion = new Occasion(OrderOrigin.ESCALATION, lower.subjectType, lower.subjectId,
                lower.subjectTitle, lower.targetUnitId, lower.responsibleLeaderId,
                lower.rung.label() + "答复期限 " + lower.replyBy + " 已过仍未获认可答复，升级为" + rung.label() + "。"
                        + CAUSE + cause(lower));
        return build(rung, occasion, ladder, lower.kind, lower.basis, issuedOn, calendar, lower.id, actor);
    }

    /** A new order's events: OrderIssued for every order, OrderEscalated as well when it superseded a lower rung. */
    List<ReformEvent> announcements(SupervisionOrder order) {
        // OrderIssued has no field for the kind: a key order says so at the head of its reason.
        String reason = order.kind.isKey() ? "【" + order.kind.label() + "】" + order.reason : order.reason;
        OrderIssued issued = OrderIssued.of(order.id, order.rung, order.subjectType, order.subjectId,
                order.subjectTitle, order.targetUnitId, order.issuedOn, order.replyBy, reason);
        if (order.supersedes == null) {
            return List.of(issued);
        }
        return List.of(issued, OrderEscalated.of(order.id, order.supersedes, order.rung, order.subjectType,
                order.subjectId, order.subjectTitle, order.targetUnitId, order.issuedOn, order.replyBy,
                order.responsibleLeaderId));
    }

    private SupervisionOrder issueFirst(Occasion occasion, Ladder ladder, OrderKind kind, String basis,
            LocalDate issuedOn, String actor) {
        return issue(ladder.first(), occasion, ladder, kind, basis, issuedOn, calendars.calendar(), null, actor);
    }

    private SupervisionOrder issue(Rung rung, Occasion occasion, Ladder ladder, OrderKind kind, String basis,
            LocalDate issuedOn, WorkingCalendar calendar, UUID supersedes, String actor) {
        SupervisionOrder order = build(rung, occasion, ladder, kind, basis, issuedOn, calendar, supersedes, actor);
        store(order);
        return order;
    }

    /** The open order on a subject, locked for the caller's transaction. */
    private Optional<SupervisionOrder> openOn(UUID subjectId) {
        return mayHaveOpen(subjectId) ? SupervisionOrder.openFor(subjectId) : Optional.empty();
    }

    /**
     * False when a consumer batch knows the subject has no open order. The batch asks once which of its events'
     * subjects have one, so the others need no locking query each: the year-end burst's 10,000 newly overdue tasks
     * have none. An order the batch issues joins them; one a request issues meanwhile is caught by the index of one
     * open order per subject, and the batch is applied again event by event.
     */
    private boolean mayHaveOpen(UUID subjectId) {
        Set<UUID> open = subjectsWithOpenOrders();
        return open == null || open.contains(subjectId);
    }

    /** Of the consumer batch's subjects, those with an open order; null outside a batch. */
    private Set<UUID> subjectsWithOpenOrders() {
        return oncePerBatch.value("subjects with an open order", () -> {
            List<UUID> subjects = oncePerBatch.events().stream().map(OrderService::subjectId)
                    .filter(Objects::nonNull).distinct().toList();
            return subjects.isEmpty() ? null : new HashSet<>(SupervisionOrder.subjectsWithOpenOrder(subjects));
        });
    }

    private static UUID subjectId(IncomingEvent event) {
        try {
            return UUID.fromString(event.data().subject());
        } catch (IllegalArgumentException notAnOrderSubject) {
            return null;
        }
    }

    private void store(SupervisionOrder order) {
        Set<UUID> open = subjectsWithOpenOrders();
        if (open != null) {
            open.add(order.subjectId);
        }
        order.persist();
        OrderTransition.of(order.id, null, OrderState.ISSUED, "ISSUE", order.issuedBy, order.issuedAt, order.reason)
                .persist();
        announcements(order).forEach(outbox::record);
    }

    private SupervisionOrder build(Rung rung, Occasion occasion, Ladder ladder, OrderKind kind, String basis,
            LocalDate issuedOn, WorkingCalendar calendar, UUID supersedes, String actor) {
        SupervisionOrder order = new SupervisionOrder();
        order.id = UUID.randomUUID();
        order.rung = rung;
        order.kind = kind;
        order.origin = occasion.origin();
        order.subjectType = occasion.subjectType();
        order.subjectId = occasion.subjectId();
        order.subjectTitle = occasion.subjectTitle();
        order.targetUnitId = occasion.targetUnitId();
        order.responsibleLeaderId = occasion.responsibleLeaderId();
        order.state = OrderState.ISSUED;
        order.issuedOn = issuedOn;
        order.replyBy = ladder.replyBy(rung, issuedOn, calendar);
        order.ladderDays = ladder.frozen();
        order.dayCount = ladder.dayCount();
        order.reason = occasion.reason();
        order.basis = basis;
        order.supersedes = supersedes;
        order.issuedAt = clock.instant();
        order.issuedBy = actor;
        return order;
    }

    private SupervisionOrder move(SupervisionOrder order, OrderAction action, String note, String actor) {
        OrderState from = order.state;
        OrderState to;
        try {
            to = from.after(action);
        } catch (IllegalOrderTransition e) {
            throw ProblemException.conflict("Order is " + from, "Order " + order.id + " is " + from
                    + "; it cannot take the action " + action + " now.");
        }
        order.state = to;
        switch (action) {
            case ANSWER -> {
                order.answer = note;
                order.answeredAt = clock.instant();
                order.answeredBy = actor;
            }
            case REJECT -> order.rejectionReason = note;
            case ACCEPT, CLOSE -> {
                order.closedReason = action == OrderAction.ACCEPT ? "答复已认可" + (note == null ? "" : "：" + note) : note;
                order.closedAt = clock.instant();
                order.closedBy = actor;
                outbox.record(OrderClosed.of(order.id, order.rung, order.subjectId, order.targetUnitId,
                        order.closedReason));
            }
            default -> {
            }
        }
        OrderTransition.of(order.id, from, to, action.name(), actor, clock.instant(), note).persist();
        return order;
    }

    /** The original cause of a chain of orders, so escalated reasons do not nest. */
    private static String cause(SupervisionOrder order) {
        int at = order.reason.indexOf(CAUSE);
        return order.origin == OrderOrigin.ESCALATION && at >= 0 ? order.reason.substring(at + CAUSE.length())
                : order.reason;
    }
}
