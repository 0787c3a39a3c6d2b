package org.reformdesk.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A phone registered for mobile push: its FCM registration token and whose it is; a person may have many. */
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
}
