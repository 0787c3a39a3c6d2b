package org.reformdesk.assessment.exemption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reformdesk.assessment.scheme.Indicator;

import java.time.Instant;
import java.util.UUID;

/** 容错: the office's decision that a unit's points for one subject under one indicator do not count, and why. */
@Entity
@Table(name = "exemption")
public class Exemption extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id")
    public UUID unitId;

    /** The task, pilot, order subject or rectification item the exempted points are about. */
    @Column(name = "subject_id")
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    public Indicator indicator;

    /**
     * The one occasion of the subject it covers (a task's deadline, {@code <task>/<date>}, for an approved
     * extension); null for an exemption of every point of the subject under the indicator.
     */
    public String occasion;

    public String reason;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "granted_at")
    public Instant grantedAt;
}
