package org.reformdesk.assessment.live;

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
import java.time.Instant;
import java.util.UUID;

/** A unit's score and rank within its category for one month, live until the month is closed. */
@Entity
@Table(name = "unit_standing")
@IdClass(UnitStanding.Key.class)
public class UnitStanding extends PanacheEntityBase {

    /** A unit's month. */
    public record Key(UUID unitId, String month) implements Serializable {

        /** For JPA. */
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "unit_id")
    public UUID unitId;

    /** YYYY-MM in the city's zone. */
    @Id
    public String month;

    @Enumerated(EnumType.STRING)
    public AssessmentCategory category;

    public BigDecimal score;

    /** Null until the directory has told us the unit's category. */
    public Integer rank;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
