package org.reformdesk.task.spreadsheet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One accepted import of a task list. */
@Entity
@Table(name = "task_import")
class TaskImport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "task_count")
    public int taskCount;

    /** The status the tasks entered the ledger with: DRAFT or ASSIGNED. */
    public String status;
}
