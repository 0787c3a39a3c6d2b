package org.reformdesk.inspection.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An accountability measure (问责) taken against a unit, and a person where named, with its basis. */
@Entity
@Table(name = "accountability_record")
class AccountabilityRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "person_id")
    public UUID personId;

    /** ORDER: a top-rung order left unanswered; FINDING: a rectification a re-inspection found wanting. */
    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String basis;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
