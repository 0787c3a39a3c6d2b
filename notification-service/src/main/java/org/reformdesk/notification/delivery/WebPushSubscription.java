package org.reformdesk.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A browser subscribed to Web Push: its push service endpoint, its keys, and whose it is; a person may have many. */
@Entity
@Table(name = "web_push_subscription")
public class WebPushSubscription extends PanacheEntityBase {

    @Id
    public String endpoint;

    @Column(name = "person_id")
    public UUID personId;

    /** The browser's P-256 public key, base64url. */
    public String p256dh;

    /** The browser's 16-byte authentication secret, base64url. */
    public String auth;

    @Column(name = "subscribed_at")
    public Instant subscribedAt;

    @Column(name = "subscribed_by")
    public String subscribedBy;
}
