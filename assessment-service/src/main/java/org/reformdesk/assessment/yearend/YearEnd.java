package org.reformdesk.assessment.yearend;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A year's year-end assessment: computed, recomputed at will, then published and frozen. */
@Entity
@Table(name = "year_end")
class YearEnd extends PanacheEntityBase {

    /** Where the year is: its results can be recomputed until they are published. */
    public enum Status {
        COMPUTED, PUBLISHED
    }

    @Id
    public int year;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The scheme the composites were made by. */
    @Column(name = "scheme_id")
    public UUID schemeId;

    @Column(name = "computed_by")
    public String computedBy;

    @Column(name = "computed_at")
    public Instant computedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;
}
