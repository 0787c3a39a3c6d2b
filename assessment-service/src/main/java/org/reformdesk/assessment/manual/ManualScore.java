package org.reformdesk.assessment.manual;

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

/** A score the assessment group entered for a unit: 0 to 100 under a manual indicator, for a month or a year. */
@Entity
@Table(name = "manual_score")
public class ManualScore extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public Indicator kind;

    /** YYYY-MM for a month's score, YYYY for the year-end assessment. */
    public String period;

    public BigDecimal score;

    public String note;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "entered_at")
    public Instant enteredAt;
}
