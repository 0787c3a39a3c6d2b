package org.reformdesk.inspection.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step in an order's history: who moved it from which state to which, when and why. */
@Entity
@Table(name = "order_transition")
class OrderTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public OrderState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public OrderState toState;

    /** ISSUE for the first step, otherwise an {@link OrderAction}. */
    public String action;

    public String actor;

    public Instant at;

    public String reason;

    static OrderTransition of(UUID orderId, OrderState from, OrderState to, String action, String actor, Instant at,
            String reason) {
        OrderTransition step = new OrderTransition();
        step.id = UUID.randomUUID();
        step.orderId = orderId;
        step.fromState = from;
        step.toState = to;
        step.action = action;
        step.actor = actor;
        step.at = at;
        step.reason = reason;
        return step;
    }
}
