package org.reformdesk.task.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A special group (专项小组) that coordinates a policy area's tasks: its head (组长), liaison unit and members. */
@Entity
@Table(name = "special_group")
public class SpecialGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** 组长, a city leader; the responsible leader (责任领导) of the group's tasks. */
    @Column(name = "head_person_id")
    public UUID headPersonId;

    @Column(name = "liaison_unit_id")
    public UUID liaisonUnitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_unit_ids")
    public List<UUID> memberUnitIds = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
