package org.reformdesk.task.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A person of the directory: who is responsible, who leads, who gets the reminders. */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public Post post;

    public String phone;

    public String email;

    /** BCP 47 tag, e.g. zh-CN. */
    public String language;

    /**
     * Their login name at the identity provider (lower case, as Keycloak keeps it): the {@code preferred_username} of
     * their tokens, by which the services find the person behind a caller. Null for a person who never logs in.
     */
    public String username;

    /** The userid in the city's 企业微信 (WeCom, 政务微信), if they have one. */
    @Column(name = "wecom_user_id")
    public String wecomUserId;

    /** The userId in the city's 钉钉 (DingTalk, 政务钉钉), if they have one. */
    @Column(name = "dingtalk_user_id")
    public String dingtalkUserId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removed_by")
    public String removedBy;
}
