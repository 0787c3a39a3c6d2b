package org.reformdesk.task.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry in a task's audit trail: who did what, when and why, with the old deadline where it moved and, for an
 * edit or a reassignment, the field it changed with its old and new value.
 */
@Entity
@Table(name = "task_history")
public class TaskHistory extends PanacheEntityBase {

    /** What happened. */
    public enum Action {
        CREATED, MOVED, DEADLINE_CHANGED, MILESTONE_ADDED, MILESTONE_DONE, MILESTONE_REOPENED,
        /** A descriptive field changed (PATCH): {@code field}, {@code oldValue} → {@code newValue}. */
        EDITED,
        /** The lead unit, responsible leader or responsible person changed, with the reason. */
        REASSIGNED,
        /** The lead unit asked for a later deadline ({@code newValue}), with the reason. */
        EXTENSION_REQUESTED,
        /** The office granted an extension; a DEADLINE_CHANGED entry follows it. */
        EXTENSION_APPROVED,
        /** The office refused an extension, with its comment. */
        EXTENSION_REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    public Instant at;

    public String actor;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TaskStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TaskStatus toStatus;

    @Column(name = "previous_deadline")
    public LocalDate previousDeadline;

    public LocalDate deadline;

    public String reason;

    /** The field an edit or reassignment changed, e.g. title, milestones, leadUnitId. */
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public static TaskHistory of(Task task, Instant at, String actor, Action action) {
        TaskHistory entry = new TaskHistory();
        entry.id = UUID.randomUUID();
        entry.taskId = task.id;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.deadline = task.deadline;
        return entry;
    }
}
