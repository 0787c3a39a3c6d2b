package org.reformdesk.task.reporting;

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

/** A lead unit's progress report (进展报告) on a task for one month, as last filed. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    /** yyyy-MM */
    public String period;

    /** 1 for the first filing, one more for each update. */
    public int revision;

    public int percent;

    public String narrative;

    public String problems;

    @Column(name = "next_steps")
    public String nextSteps;

    /** References to the evidence files (佐证材料). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> evidence = new ArrayList<>();

    /** Filed after the period's report day. */
    public boolean late;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "reported_by")
    public String reportedBy;
}
