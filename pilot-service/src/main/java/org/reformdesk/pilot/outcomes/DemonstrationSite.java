package org.reformdesk.pilot.outcomes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A demonstration site (示范点位) of a pilot. */
@Entity
@Table(name = "demonstration_site")
class DemonstrationSite extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pilot_id")
    public UUID pilotId;

    public String name;

    public String location;

    @Column(name = "designated_on")
    public LocalDate designatedOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
