package org.reformdesk.notification.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** This service's copy of a special group (专项小组): its head leads its members' tasks, its liaison unit coordinates. */
@Entity
@Table(name = "directory_group")
class KnownGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "head_person_id")
    public UUID headPersonId;

    @Column(name = "liaison_unit_id")
    public UUID liaisonUnitId;

    @ElementCollection
    @CollectionTable(name = "directory_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "unit_id")
    public Set<UUID> memberUnitIds = new HashSet<>();
}
