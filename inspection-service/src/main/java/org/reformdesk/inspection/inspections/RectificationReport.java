package org.reformdesk.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A unit's report (整改报告) of what it did about a rectification item. */
@Entity
@Table(name = "rectification_report")
class RectificationReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "item_id")
    public UUID itemId;

    public String content;

    /** References to the evidence (files, links). */
    public String evidence;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "reported_by")
    public String reportedBy;
}
