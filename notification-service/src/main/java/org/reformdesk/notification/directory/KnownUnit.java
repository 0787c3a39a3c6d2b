package org.reformdesk.notification.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** This service's copy of a unit: its name goes into bulletins and cards, its kind tells the reform office. */
@Entity
@Table(name = "directory_unit")
class KnownUnit extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String name;

    /** DEPARTMENT, DISTRICT, DEVELOPMENT_ZONE or REFORM_OFFICE; null for a unit known from before kinds were kept. */
    public String kind;
}
