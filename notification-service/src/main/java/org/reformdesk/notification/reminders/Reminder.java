package org.reformdesk.notification.reminders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;

import java.time.Instant;
import java.util.UUID;

/** A reminder (提醒) to one person on one channel: one delivery, with its state. */
@Entity
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "recipient_id")
    public UUID recipientId;

    @Enumerated(EnumType.STRING)
    public ReminderKind kind;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String occasion;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String title;

    public String body;

    public String language;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The office's configuration says this one reaches its recipient whatever they chose. */
    public boolean mandatory;

    /** When a delivery held for its recipient's daily digest goes out. */
    @Column(name = "digest_at")
    public Instant digestAt;

    /** The delivery whose digest message carried this one. */
    @Column(name = "digest_id")
    public UUID digestId;

    /** Why a delivery is waiting, was skipped or failed. */
    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "read_by")
    public String readBy;
}
