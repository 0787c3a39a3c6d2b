package org.reformdesk.inspection.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reformdesk.events.Rung;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A supervision order (督办单) to a unit about a task, pilot or finding. */
@Entity
@Table(name = "supervision_order")
public class SupervisionOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Rung rung;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "subject_title")
    public String subjectTitle;

    @Column(name = "target_unit_id")
    public UUID targetUnitId;

    @Enumerated(EnumType.STRING)
    public OrderState state;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "reply_by")
    public LocalDate replyBy;

    public String reason;

    /** The lower rung's order this one replaced. */
    public UUID supersedes;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    static Optional<SupervisionOrder> openFor(UUID subjectId) {
        return find("subjectId = ?1 and state in ?2", subjectId,
                List.of(OrderState.ISSUED, OrderState.ACKNOWLEDGED, OrderState.ANSWERED)).firstResultOptional();
    }
}
