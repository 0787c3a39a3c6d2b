package org.reformdesk.pilot.outcomes;

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

/** An outcome of a pilot, and where it was promoted if it was. */
@Entity
@Table(name = "pilot_outcome")
class PilotOutcome extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pilot_id")
    public UUID pilotId;

    @Enumerated(EnumType.STRING)
    public OutcomeKind kind;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "promotion_level")
    public PromotionLevel promotionLevel;

    @Column(name = "promoted_on")
    public LocalDate promotedOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
