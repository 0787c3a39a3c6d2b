package org.reformdesk.notification.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** This service's copy of a person: their post in a unit decides which copies they get, the rest how to reach them. */
@Entity
@Table(name = "directory_person")
class KnownPerson extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "unit_id")
    public UUID unitId;

    public String post;

    public String phone;

    public String email;

    public String language;

    /** Their login name (lower case): whose inbox a token without a person claim opens. */
    public String username;

    @Column(name = "wecom_user_id")
    public String wecomUserId;

    @Column(name = "dingtalk_user_id")
    public String dingtalkUserId;
}
