package org.reformdesk.assessment.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reformdesk.assessment.scheme.Indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Points given or taken from a unit, and the event that caused them. */
@Entity
@Table(name = "score_entry")
class ScoreEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "event_id")
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    public Indicator indicator;

    public BigDecimal points;

    public String reason;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The month (YYYY-MM, city zone) the point counts in: that of the fact behind it. */
    public String month;

    /** The task, pilot, order subject or rectification item the fact is about; an exemption names it. */
    @Column(name = "subject_id")
    public UUID subjectId;

    /** The kind of fact within its indicator (a rung, ON_TIME or LATE), so that a scheme can value it again. */
    public String detail;

    /** The exemption (容错) that cancelled these points, if any: they are shown but do not count. */
    @Column(name = "exempted_by")
    public UUID exemptedBy;
}
