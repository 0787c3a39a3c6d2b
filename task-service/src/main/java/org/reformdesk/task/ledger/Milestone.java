package org.reformdesk.task.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone (时间节点) of a task: a name, a due date and whether it was reached. */
@Entity
@Table(name = "task_milestone")
class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    public int position;

    public String name;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "done_on")
    public LocalDate doneOn;
}
