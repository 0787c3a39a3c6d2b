package org.reformdesk.assessment.monthly;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.reformdesk.events.AssessmentCategory;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** A unit's place in a closed month's frozen ranking. */
@Entity
@Table(name = "month_ranking")
@IdClass(MonthRanking.Key.class)
class MonthRanking extends PanacheEntityBase {

    /** A unit's place in one month's ranking of its category. */
    public record Key(String month, AssessmentCategory category, UUID unitId) implements Serializable {

        /** For JPA. */
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    public String month;

    @Id
    @Enumerated(EnumType.STRING)
    public AssessmentCategory category;

    @Id
    @Column(name = "unit_id")
    public UUID unitId;

    public BigDecimal score;

    public int rank;

    /** 一月一会诊: flagged for a diagnosis visit as the month's lowest-ranked unit. */
    public boolean diagnosis;
}
