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

/** One line of a rectification list (整改清单): what the unit must put right, by when (限时整改). */
@Entity
@Table(name = "rectification_item")
public class RectificationItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "finding_id")
    public UUID findingId;

    @Column(name = "unit_id")
    public UUID unitId;

    public String description;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "responsible_person_id")
    public UUID responsiblePersonId;

    @Enumerated(EnumType.STRING)
    public RectificationState state;

    /** How often a re-inspection reopened it. */
    public int reopened;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public boolean isOverdue(LocalDate today) {
        return state.isOpen() && today.isAfter(dueOn);
    }
}
