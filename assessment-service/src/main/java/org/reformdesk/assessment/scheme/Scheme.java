package org.reformdesk.assessment.scheme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One version of a year's assessment scheme (考核方案). Its definition never changes once stored. */
@Entity
@Table(name = "scheme")
class Scheme extends PanacheEntityBase {

    /** A draft can be published; publishing supersedes the year's version in force. */
    public enum Status {
        DRAFT, PUBLISHED, SUPERSEDED
    }

    @Id
    public UUID id;

    public int year;

    public int version;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String name;

    /** The {@link SchemeDefinition} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;
}
