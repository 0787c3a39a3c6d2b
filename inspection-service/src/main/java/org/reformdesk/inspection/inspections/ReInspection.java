package org.reformdesk.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A re-inspection (复查/整改复察) of a reported rectification: verified, or reopened with a new deadline. */
@Entity
@Table(name = "re_inspection")
class ReInspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "item_id")
    public UUID itemId;

    @Enumerated(EnumType.STRING)
    public ReInspectionOutcome outcome;

    public String note;

    @Column(name = "new_due_on")
    public LocalDate newDueOn;

    @Column(name = "inspected_at")
    public Instant inspectedAt;

    @Column(name = "inspected_by")
    public String inspectedBy;
}
