package org.reformdesk.task.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitKind;

import java.time.Instant;
import java.util.UUID;

/** A unit (单位): a municipal department, a district or county, or a development zone. */
@Entity
public class Unit extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public AssessmentCategory category;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
