package org.reformdesk.task.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A reform task (改革任务) in the ledger. */
@Entity
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The human key, e.g. KM-2015-0123. */
    public String code;

    public String title;

    @Column(name = "lead_unit_id")
    public UUID leadUnitId;

    @Column(name = "responsible_person_id")
    public UUID responsiblePersonId;

    /** 完成时限: due at the end of this day in the city's zone. */
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
