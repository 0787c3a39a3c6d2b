package org.reformdesk.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A reminder (提醒) to one person on one channel. */
@Entity
public class Reminder extends PanacheEntityBase {

    public static final String INBOX = "INBOX";

    @Id
    public UUID id;

    @Column(name = "recipient_id")
    public UUID recipientId;

    @Enumerated(EnumType.STRING)
    public ReminderKind kind;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String occasion;

    public String channel;

    public String title;

    public String body;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "read_at")
    public Instant readAt;
}
