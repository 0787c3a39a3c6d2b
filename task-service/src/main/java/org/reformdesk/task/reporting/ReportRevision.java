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

/** One filing of a progress report, kept when a later filing for the same month updates it. */
@Entity
@Table(name = "progress_report_revision")
class ReportRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    public int revision;

    public int percent;

    public String narrative;

    public String problems;

    @Column(name = "next_steps")
    public String nextSteps;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> evidence = new ArrayList<>();

    public boolean late;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "reported_by")
    public String reportedBy;

    static ReportRevision of(ProgressReport report) {
        ReportRevision revision = new ReportRevision();
        revision.id = UUID.randomUUID();
        revision.reportId = report.id;
        revision.revision = report.revision;
        revision.percent = report.percent;
        revision.narrative = report.narrative;
        revision.problems = report.problems;
        revision.nextSteps = report.nextSteps;
        revision.evidence = new ArrayList<>(report.evidence);
        revision.late = report.late;
        revision.reportedAt = report.reportedAt;
        revision.reportedBy = report.reportedBy;
        return revision;
    }
}
