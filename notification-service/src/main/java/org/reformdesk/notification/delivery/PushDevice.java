package org.reformdesk.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A phone registered for mobile push: its FCM registration token and whose it is. */
@Entity
@Table(name = "push_device")
public class PushDevice extends PanacheEntityBase {

    @Id
    public String token;

    @Column(name = "person_id")
    public UUID personId;

    public String platform;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by")
    public String registeredBy;

    /** The device a person registered last: push goes to the phone they use now. */
    public static Optional<PushDevice> latestOf(UUID personId) {
        return PushDevice.<PushDevice>find("personId = ?1 order by registeredAt desc", personId).firstResultOptional();
    }
}
