package org.reformdesk.pilot.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A reform pilot (改革试点) with its "four ones": lead leader, lead unit, implementation plan, working team. */
@Entity
public class Pilot extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public PilotLevel level;

    /** The ministry or government that granted it, for national and provincial pilots. */
    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "policy_area")
    public String policyArea;

    /** 包联领导 */
    @Column(name = "lead_leader_id")
    public UUID leadLeaderId;

    @Column(name = "lead_leader_name")
    public String leadLeaderName;

    @Column(name = "lead_unit_id")
    public UUID leadUnitId;

    /** The implementation plan (推进方案): its document reference and approval date. */
    @Column(name = "plan_reference")
    public String planReference;

    @Column(name = "plan_approved_on")
    public LocalDate planApprovedOn;

    /** 工作班子 */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_team")
    public List<String> workingTeam = new ArrayList<>();

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "planned_end_on")
    public LocalDate plannedEndOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "linked_task_ids")
    public List<UUID> linkedTaskIds = new ArrayList<>();

    /** The signed responsibility letter (包联责任书). */
    @Column(name = "letter_signed_by")
    public String letterSignedBy;

    @Column(name = "letter_signed_on")
    public LocalDate letterSignedOn;

    @Column(name = "letter_document")
    public String letterDocument;

    @Enumerated(EnumType.STRING)
    public PilotStatus status;

    @Column(name = "exit_reason")
    public String exitReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
