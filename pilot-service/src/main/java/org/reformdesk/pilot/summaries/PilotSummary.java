package org.reformdesk.pilot.summaries;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A periodic summary a pilot's lead unit submitted; a resubmission replaces the text and is kept in the history. */
@Entity
@Table(name = "pilot_summary")
class PilotSummary extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pilot_id")
    public UUID pilotId;

    @Enumerated(EnumType.STRING)
    public SummaryKind kind;

    public String period;

    public String content;

    /** A reference to the summary's document (file store key or URL). */
    public String document;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;
}
