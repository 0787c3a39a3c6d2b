package org.reformdesk.task.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;
import org.reformdesk.events.ProgressReported;
import org.reformdesk.platform.evidence.EvidenceFile;
import org.reformdesk.platform.evidence.EvidenceStore;
import org.reformdesk.platform.evidence.StoredEvidence;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.task.ledger.Task;
import org.reformdesk.task.ledger.TaskStatus;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Files the lead units' monthly progress reports; a second filing for a month updates it and keeps the first. */
@ApplicationScoped
public class ReportService {

    /** A task is reported on while it is handed out and not yet closed. */
    static final Set<TaskStatus> REPORTABLE = EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.CLOSE_REQUESTED);

    /** What a filing did: the report as it now stands, and whether it was the month's first. */
    public record Filed(ProgressReport report, boolean first) {
    }

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Inject
    ReportDeadlines deadlines;

    @Inject
    EvidenceStore evidence;

    @Transactional
    public Filed file(UUID taskId, ReportResource.Filing filing, Caller caller, String idempotencyKey) {
        return file(taskId, filing, List.of(), caller, idempotencyKey);
    }

    /** What an Idempotency-Key fingerprints when a filing brings files: the report and each file's digest. */
    record FilingWithFiles(ReportResource.Filing filing, List<String> files) {
    }

    /**
     * Files the month's report and keeps {@code files} as its evidence, in one transaction: the report is refused
     * whole (nothing stored) or stored with every file. The files were checked before (size, kind by their bytes);
     * whoever may file the report may attach to it. A retry with the same Idempotency-Key stores nothing twice.
     */
    @Transactional
    public Filed file(UUID taskId, ReportResource.Filing filing, List<EvidenceFile> files, Caller caller,
            String idempotencyKey) {
        Task task = Task.<Task>findByIdOptional(taskId).orElseThrow(() -> ProblemException.notFound("Task", taskId));
        caller.requireActFor(task.leadUnitId, task.groupId);
        YearMonth period = YearMonth.parse(filing.period());
        if (period.isAfter(YearMonth.from(clock.today()))) {
            throw ProblemException.invalid("period", "is a month that has not begun");
        }
        boolean[] first = {false};
        Object fingerprint = files.isEmpty() ? filing : new FilingWithFiles(filing,
                files.stream().map(f -> f.filename() + " " + f.sha256()).toList());
        UUID id = idempotencyKeys.once(idempotencyKey, caller.name() + " POST /api/v1/tasks/" + taskId + "/reports",
                fingerprint, () -> {
                    if (!REPORTABLE.contains(task.status)) {
                        throw ProblemException.conflict("Not allowed while " + task.status,
                                "Task " + task.code + " is " + task.status + "; it takes no progress reports now.");
                    }
                    ProgressReport report = ProgressReport.<ProgressReport>find("taskId = ?1 and period = ?2", taskId,
                            period.toString()).firstResultOptional().orElse(null);
                    if (report == null) {
                        report = new ProgressReport();
                        report.id = UUID.randomUUID();
                        report.taskId = taskId;
                        report.period = period.toString();
                        first[0] = true;
                    }
                    report.revision++;
                    report.percent = filing.percent();
                    report.narrative = filing.narrative().strip();
                    report.problems = filing.problems();
                    report.nextSteps = filing.nextSteps();
                    report.evidence = filing.evidence() == null ? new ArrayList<>() : new ArrayList<>(filing.evidence());
                    report.reportedAt = clock.instant();
                    report.reportedBy = caller.name();
                    report.late = deadlines.calendar().isLate(period, clock.today());
                    report.persist();
                    ReportRevision.of(report).persist();
                    outbox.record(ProgressReported.of(taskId, task.leadUnitId, report.period, report.percent,
                            report.late));
                    if (!files.isEmpty()) {
                        // the store writes the files itself, and each names the report: the report goes first
                        ProgressReport.getEntityManager().flush();
                        for (EvidenceFile file : files) {
                            evidence.put(report.id, file, caller.name());
                        }
                    }
                    return report.id;
                });
        return new Filed(ProgressReport.findById(id), first[0]);
    }

    /**
     * The latest report a running ledger held for a task it brings in (import): filed now by the importer, on time,
     * since the old ledger does not say when it came. The import calls it for many rows in one transaction, so it
     * runs no query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProgressReport carryOver(Task task, YearMonth period, int percent, String narrative, String actor) {
        ProgressReport report = new ProgressReport();
        report.id = UUID.randomUUID();
        report.taskId = task.id;
        report.period = period.toString();
        report.revision = 1;
        report.percent = percent;
        report.narrative = narrative.strip();
        report.reportedAt = clock.instant();
        report.reportedBy = actor;
        report.persist();
        ReportRevision.of(report).persist();
        outbox.record(ProgressReported.of(task.id, task.leadUnitId, report.period, report.percent, report.late));
        return report;
    }

    public List<ProgressReport> reports(UUID taskId) {
        return ProgressReport.list("taskId = ?1 order by period desc", taskId);
    }

    /** The latest month's report of each task among {@code taskIds} that has one, in one query. */
    @SuppressWarnings("unchecked")
    public Map<UUID, ProgressReport> latest(List<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        List<ProgressReport> reports = ProgressReport.getEntityManager().createNativeQuery("SELECT DISTINCT ON (task_id) * "
                        + "FROM progress_report WHERE task_id IN (:tasks) ORDER BY task_id, period DESC", ProgressReport.class)
                .setParameter("tasks", taskIds).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        return reports.stream().collect(Collectors.toMap(r -> r.taskId, r -> r));
    }

    public ProgressReport report(UUID taskId, String period) {
        return ProgressReport.<ProgressReport>find("taskId = ?1 and period = ?2", taskId, period).firstResultOptional()
                .orElseThrow(() -> new ProblemException(404, "Report not found",
                        "No progress report for " + period + " on task " + taskId + "."));
    }

    /** Attaches an evidence file to the month's report; whoever may file the report may attach to it. */
    @Transactional
    public StoredEvidence attach(UUID taskId, String period, EvidenceFile file, Caller caller) {
        Task task = Task.<Task>findByIdOptional(taskId).orElseThrow(() -> ProblemException.notFound("Task", taskId));
        caller.requireActFor(task.leadUnitId, task.groupId);
        return evidence.put(report(taskId, period).id, file, caller.name());
    }

    public List<ReportRevision> revisions(UUID reportId) {
        return ReportRevision.list("reportId = ?1 order by revision", reportId);
    }
}
