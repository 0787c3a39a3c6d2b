package org.reformdesk.task.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A reform task (改革任务) in the ledger, with its four-part responsibility chain. */
@Entity
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The human key, e.g. KM-2015-0123. */
    public String code;

    public String title;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "policy_areas")
    public List<String> policyAreas = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public TaskOrigin origin;

    /** 刚性任务, as opposed to self-selected. */
    public boolean rigid;

    @Column(name = "plan_year")
    public int planYear;

    /** The coordinating special group (协调单位). */
    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "lead_unit_id")
    public UUID leadUnitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_lead_unit_ids")
    public List<UUID> coLeadUnitIds = new ArrayList<>();

    /** 责任单位/联动单位 */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participating_unit_ids")
    public List<UUID> participatingUnitIds = new ArrayList<>();

    /** 责任领导 */
    @Column(name = "responsible_leader_id")
    public UUID responsibleLeaderId;

    /** 责任人 */
    @Column(name = "responsible_person_id")
    public UUID responsiblePersonId;

    /** 完成时限: due at the end of this day in the city's zone. */
    public LocalDate deadline;

    /** 成果形式, e.g. 实施方案, 制度文件, 试点报告. */
    @Column(name = "expected_outcome")
    public String expectedOutcome;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Column(name = "assigned_on")
    public LocalDate assignedOn;

    @Column(name = "suspended_on")
    public LocalDate suspendedOn;

    @Column(name = "remaining_days")
    public Integer remainingDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    public TaskStatus suspendedFrom;

    /** The spreadsheet import that entered it, if one did. */
    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Two officers acting on one task at once: the second gets a conflict instead of overwriting the first. */
    @Version
    public long version;

    /** Every unit the task involves: lead, co-leads and participants; their officers may read it. */
    public List<UUID> involvedUnits() {
        List<UUID> units = new ArrayList<>();
        units.add(leadUnitId);
        units.addAll(coLeadUnitIds);
        units.addAll(participatingUnitIds);
        return units;
    }
}
