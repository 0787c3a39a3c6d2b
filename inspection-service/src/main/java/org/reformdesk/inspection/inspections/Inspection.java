package org.reformdesk.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An inspection (督察): what kind, how, of what, when and by whom. */
@Entity
@Table(name = "inspection")
class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    @Enumerated(EnumType.STRING)
    public InspectionType type;

    @Enumerated(EnumType.STRING)
    public InspectionMethod method;

    public String scope;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> inspectors;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
