package org.reformdesk.pilot.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry in a pilot's audit trail: who did what, when, and why. */
@Entity
@Table(name = "pilot_history")
public class PilotHistory extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pilot_id")
    public UUID pilotId;

    public Instant at;

    public String actor;

    /** REGISTERED, MOVED, ADJUSTED, LETTER_SIGNED, SUMMARY_SUBMITTED, OUTCOME_RECORDED, SITE_DESIGNATED. */
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PilotStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PilotStatus toStatus;

    public String detail;

    public static void record(UUID pilotId, Instant at, String actor, String action, PilotStatus from, PilotStatus to,
            String detail) {
        PilotHistory entry = new PilotHistory();
        entry.id = UUID.randomUUID();
        entry.pilotId = pilotId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.detail = detail;
        entry.persist();
    }
}
