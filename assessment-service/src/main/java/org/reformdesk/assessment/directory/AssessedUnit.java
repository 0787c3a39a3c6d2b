package org.reformdesk.assessment.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reformdesk.events.AssessmentCategory;

import java.util.UUID;

/** This service's copy of a unit from the directory: what a ranking shows and which category it ranks in. */
@Entity
@Table(name = "assessed_unit")
public class AssessedUnit extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String name;

    /** Null for a reform office, which is not assessed. */
    @Enumerated(EnumType.STRING)
    public AssessmentCategory category;
}
