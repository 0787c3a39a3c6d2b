package org.reformdesk.assessment.live;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.assessment.exemption.ExemptionService;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.events.AccountabilityRecorded;
import org.reformdesk.events.ExtensionDecided;
import org.reformdesk.events.OrderEscalated;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.ProgressReported;
import org.reformdesk.events.RectificationOverdue;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskStatusChanged;
import org.reformdesk.platform.inbox.Inbox;
import org.reformdesk.platform.inbox.IncomingEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The facts that move scores: overdue tasks, late monthly reports, tasks closed on time or late, supervision orders
 * received and escalated (by rung), late rectifications, accountability records, late pilot summaries and rejected
 * extension requests. A task suspended to wait for a higher-level deployment (待上级部署统一启动) is exempted from its
 * deadline and reports; an approved extension exempts the deadline it replaced. A reassigned task's later facts name
 * its new lead unit, and the points already taken stay where they were.
 */
@ApplicationScoped
public class ScoredEvents {

    /** How an order's fact begins when the order was issued; the bulletin tells issued from escalated by it. */
    public static final String ORDER_ISSUED = "收到督办单";
    /** How an order's fact begins when an unanswered order was escalated. */
    public static final String ORDER_ESCALATED = "督办升级";

    /** The status of a task waiting for a higher-level deployment: its clock stops, and so do its deductions. */
    static final String SUSPENDED = "SUSPENDED";

    @Inject
    Inbox inbox;

    @Inject
    LiveScores scores;

    @Inject
    ExemptionService exemptions;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> tasks(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("assessment.tasks", batch, this::onTaskEvent);
    }

    void onTaskEvent(IncomingEvent event) {
        if (event.data() instanceof TaskOverdue overdue) {
            scores.score(event.id(), new ScoredFact(overdue.leadUnitId(), overdue.taskId(), Indicator.OVERDUE_TASKS,
                    null, "任务逾期：" + overdue.code() + " " + overdue.title() + "（完成时限 " + overdue.deadline() + "）",
                    deadlineOccasion(overdue.taskId(), overdue.deadline()), overdue.policyAreas()), event.time());
        } else if (event.data() instanceof ExtensionDecided decided && decided.approved()) {
            // asked for in time: the deadline it replaced was never the unit's lateness (if the batch missed it)
            scores.recordFacts();
            exemptions.exemptOccasion(decided.taskId(), Indicator.OVERDUE_TASKS,
                    deadlineOccasion(decided.taskId(), decided.previousDeadline()), "延期申请已批准：" + decided.code()
                            + " 完成时限由 " + decided.previousDeadline() + " 延至 " + decided.deadline()
                            + "，原时限不计逾期", "task-service:" + decided.decidedBy());
        } else if (event.data() instanceof ExtensionDecided decided) {
            scores.score(event.id(), new ScoredFact(decided.leadUnitId(), decided.taskId(),
                    Indicator.REJECTED_EXTENSIONS, null, "延期申请未获批准：" + decided.code() + " " + decided.title()
                            + "（申请延至 " + decided.requestedDeadline() + "，完成时限仍为 " + decided.previousDeadline()
                            + "）", "extension/" + decided.requestId()), event.time());
        } else if (event.data() instanceof ReportOverdue late) {
            scores.score(event.id(), lateReport(late.leadUnitId(), late.taskId(), late.period(),
                    "月度进展逾期未报：" + late.code() + " " + late.title() + "（" + late.period() + "，应于 "
                            + late.dueOn() + " 前报送）"), event.time());
        } else if (event.data() instanceof ProgressReported report && report.late()) {
            scores.score(event.id(), lateReport(report.leadUnitId(), report.taskId(), report.period(),
                    "月度进展逾期报送（" + report.period() + "，任务 " + report.taskId() + "）"), event.time());
        } else if (event.data() instanceof TaskClosed closed) {
            scores.score(event.id(), new ScoredFact(closed.leadUnitId(), closed.taskId(), Indicator.ON_TIME_CLOSE_RATE,
                    closed.onTime() ? ScoredFact.ON_TIME : ScoredFact.LATE,
                    (closed.onTime() ? "按时销号：" : "逾期销号：") + closed.code() + " " + closed.title()
                            + "（完成时限 " + closed.deadline() + "，销号 " + closed.closedOn() + "）", null,
                    closed.policyAreas()), event.time());
        } else if (event.data() instanceof TaskStatusChanged changed && SUSPENDED.equals(changed.toStatus())) {
            String reason = "任务暂缓，待上级部署统一启动" + (changed.reason() == null ? "" : "：" + changed.reason());
            scores.recordFacts();
            for (Indicator indicator : List.of(Indicator.OVERDUE_TASKS, Indicator.LATE_REPORTS)) {
                exemptions.exemptIfNot(changed.leadUnitId(), changed.taskId(), indicator, reason,
                        "task-service:" + changed.actorId());
            }
        }
    }

    /** A task's deadline is one occasion of lateness: an approved extension exempts exactly that one. */
    static String deadlineOccasion(UUID task, LocalDate deadline) {
        return task + "/" + deadline;
    }

    /** A task's report for a period counts once, whether it was flagged overdue, came in late, or both. */
    private static ScoredFact lateReport(UUID unit, UUID task, String period, String reason) {
        return new ScoredFact(unit, task, Indicator.LATE_REPORTS, null, reason, task + "/" + period);
    }

    @Incoming("pilots")
    @Blocking
    public CompletionStage<Void> pilots(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("assessment.pilots", batch, event -> {
            if (event.data() instanceof PilotSummaryOverdue late) {
                scores.score(event.id(), new ScoredFact(late.leadUnitId(), late.pilotId(),
                        Indicator.LATE_PILOT_SUMMARIES, null,
                        "试点总结逾期：" + late.name() + "（" + late.kind() + " " + late.period() + "，应于 " + late.dueOn()
                                + " 前报送）"), event.time());
            }
        });
    }

    @Incoming("supervision")
    @Blocking
    public CompletionStage<Void> supervision(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("assessment.supervision", batch, this::onSupervisionEvent);
    }

    void onSupervisionEvent(IncomingEvent event) {
        if (event.data() instanceof OrderIssued order) {
            scores.score(event.id(), new ScoredFact(order.targetUnitId(), order.subjectId(),
                    Indicator.SUPERVISION_ORDERS, order.rung().name(),
                    ORDER_ISSUED + "（" + order.rung().label() + "）：" + order.subjectTitle()), event.time());
        } else if (event.data() instanceof OrderEscalated order) {
            scores.score(event.id(), new ScoredFact(order.targetUnitId(), order.subjectId(),
                    Indicator.SUPERVISION_ORDERS, order.rung().name(),
                    ORDER_ESCALATED + "（" + order.rung().label() + "）：" + order.subjectTitle() + "，逾期未答复"), event.time());
        } else if (event.data() instanceof RectificationOverdue late) {
            scores.score(event.id(), new ScoredFact(late.unitId(), late.itemId(), Indicator.LATE_RECTIFICATIONS, null,
                    "整改逾期：" + late.description() + "（整改时限 " + late.dueOn() + "）"), event.time());
        } else if (event.data() instanceof AccountabilityRecorded record) {
            scores.score(event.id(), new ScoredFact(record.unitId(), record.subjectId(), Indicator.ACCOUNTABILITY,
                    record.measure(), "问责（" + record.measure() + "）：" + record.basis()), event.time());
        }
    }
}
