package org.reformdesk.inspection.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.Rung;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Issues supervision orders and moves them up the ladder. */
@ApplicationScoped
public class OrderService {

    /** What an order list can filter on; null fields do not filter. */
    public record OrderFilter(UUID subject, UUID targetUnit, OrderState state, Rung rung) {
    }

    static final String SYSTEM = "system";

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    LadderConfig config;

    /**
     * A task that goes overdue gets the first rung, or the next rung if an order is already open on it; at the
     * top of the ladder the open order stays as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SupervisionOrder> taskWentOverdue(TaskOverdue overdue, Instant when) {
        Ladder ladder = new Ladder(config.replyByDays());
        LocalDate issuedOn = LocalDate.ofInstant(when, clock.getZone());
        String reason = "任务逾期未完成：完成时限 " + overdue.deadline();
        Optional<SupervisionOrder> open = SupervisionOrder.openFor(overdue.taskId());
        if (open.isEmpty()) {
            return Optional.of(issue(ladder.first(), ladder, overdue, issuedOn, reason, null));
        }
        SupervisionOrder current = open.get();
        Optional<Rung> next = ladder.above(current.rung);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        current.state = OrderState.SUPERSEDED;
        SupervisionOrder.flush();
        return Optional.of(issue(next.get(), ladder, overdue, issuedOn, reason, current.id));
    }

    public Optional<SupervisionOrder> find(UUID id) {
        return SupervisionOrder.findByIdOptional(id);
    }

    public Page<SupervisionOrder> list(OrderFilter filter, PageRequest paging) {
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
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by issuedAt desc, id";
        var found = SupervisionOrder.<SupervisionOrder>find(query, params);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    private SupervisionOrder issue(Rung rung, Ladder ladder, TaskOverdue overdue, LocalDate issuedOn, String reason,
            UUID supersedes) {
        SupervisionOrder order = new SupervisionOrder();
        order.id = UUID.randomUUID();
        order.rung = rung;
        order.subjectType = "TASK";
        order.subjectId = overdue.taskId();
        order.subjectTitle = overdue.code() + " " + overdue.title();
        order.targetUnitId = overdue.leadUnitId();
        order.state = OrderState.ISSUED;
        order.issuedOn = issuedOn;
        order.replyBy = ladder.replyBy(rung, issuedOn);
        order.reason = reason;
        order.supersedes = supersedes;
        order.issuedAt = clock.instant();
        order.issuedBy = SYSTEM;
        order.persist();
        outbox.record(OrderIssued.of(order.id, order.rung, order.subjectType, order.subjectId, order.subjectTitle,
                order.targetUnitId, order.issuedOn, order.replyBy, order.reason));
        return order;
    }
}
