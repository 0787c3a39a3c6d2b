package org.reformdesk.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published, written in the same transaction as the change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order; the relay's poll publishes in this order so one subject's events stay in sequence. */
    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    public String type;

    public String topic;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;
}
