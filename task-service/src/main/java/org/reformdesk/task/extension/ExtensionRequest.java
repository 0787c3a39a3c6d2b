package org.reformdesk.task.extension;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A lead unit's request for a later deadline (延期申请) and the reform office's decision on it. */
@Entity
@Table(name = "extension_request")
class ExtensionRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    public ExtensionState state;

    /** The task's deadline when the request was made. */
    public LocalDate deadline;

    @Column(name = "requested_deadline")
    public LocalDate requestedDeadline;

    public String reason;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    /** The requester's person in the directory, where their login is one's; they hear of the decision. */
    @Column(name = "requester_person_id")
    public UUID requesterPersonId;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The office's comment on its decision. */
    public String comment;

    /** Where an approval moved the deadline: what was asked for, or less. */
    @Column(name = "approved_deadline")
    public LocalDate approvedDeadline;

    /** Two officers deciding one request at once: the second gets a conflict. */
    @Version
    public long version;
}
