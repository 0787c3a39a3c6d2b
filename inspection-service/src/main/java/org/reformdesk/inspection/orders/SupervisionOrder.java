package org.reformdesk.inspection.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

    @Enumerated(EnumType.STRING)
    public OrderKind kind;

    @Enumerated(EnumType.STRING)
    public OrderOrigin origin;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "subject_title")
    public String subjectTitle;

    @Column(name = "target_unit_id")
    public UUID targetUnitId;

    /** The responsible leader (责任领导), copied on key orders and from the second rung. */
    @Column(name = "responsible_leader_id")
    public UUID responsibleLeaderId;

    @Enumerated(EnumType.STRING)
    public OrderState state;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "reply_by")
    public LocalDate replyBy;

    public String reason;

    /** For a leader's instruction (领导批示): the instruction the order rests on. */
    public String basis;

    /** The lower rung's order this one replaced. */
    public UUID supersedes;

    @Column(name = "ladder_days")
    public String ladderDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_count")
    public DayCount dayCount;

    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** The day a top-rung order was found past its reply-by date: it is held to account (问责). */
    @Column(name = "accountability_due_on")
    public LocalDate accountabilityDueOn;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    Ladder ladder() {
        return Ladder.thawed(ladderDays, dayCount);
    }

    /** Open and past its reply-by date. */
    public boolean isOverdue(LocalDate today) {
        return state.isOpen() && today.isAfter(replyBy);
    }

    /** The open order on a subject, locked for the caller's transaction. */
    static Optional<SupervisionOrder> openFor(UUID subjectId) {
        return find("subjectId = ?1 and state in ?2", subjectId, OrderState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Of {@code subjects}, those with an open order. */
    static List<UUID> subjectsWithOpenOrder(List<UUID> subjects) {
        return getEntityManager().createQuery("""
                        select o.subjectId from SupervisionOrder o
                        where o.subjectId in :subjects and o.state in :open""",
                        UUID.class)
                .setParameter("subjects", subjects).setParameter("open", OrderState.OPEN).getResultList();
    }
}
