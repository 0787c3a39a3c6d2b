package org.reformdesk.assessment.yearend;

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

/** A unit's year-end composite, rank within its category and grade. */
@Entity
@Table(name = "year_end_result")
@IdClass(YearEndResult.Key.class)
class YearEndResult extends PanacheEntityBase {

    /** A unit's year. */
    public record Key(int year, UUID unitId) implements Serializable {

        /** For JPA. */
        public Key() {
            this(0, null);
        }
    }

    @Id
    public int year;

    @Id
    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public AssessmentCategory category;

    @Column(name = "monthly_average")
    public BigDecimal monthlyAverage;

    /** How many monthly scores the average is of. */
    public int months;

    /** The year-end assessment: the year's manual indicators, weighed by the scheme. */
    public BigDecimal assessment;

    public BigDecimal composite;

    public int rank;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    /** Comma-separated manual indicators with no score for the year; they counted as 0. */
    public String missing;
}
