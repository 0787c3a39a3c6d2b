package org.reformdesk.inspection.orders;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.ReportOverdue;
import org.reformdesk.events.TaskClosed;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.events.TaskStatusChanged;
import org.reformdesk.platform.inbox.Inbox;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/**
 * Task events that call for supervision: an overdue task gets an order (or the next rung), a late report the
 * first rung; a task closed (销号) or cancelled closes its open orders, and so does a reassignment where the office
 * says so.
 */
@ApplicationScoped
class TaskEvents {

    /** How the reason of an order closed by a reassignment begins. */
    static final String REASSIGNED = "reassigned";

    @Inject
    Inbox inbox;

    @Inject
    OrderService orders;

    @Inject
    ServiceClock clock;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("inspection.orders", batch, event -> {
            LocalDate day = LocalDate.ofInstant(event.time(), clock.getZone());
            if (event.data() instanceof TaskOverdue overdue) {
                orders.overdue(new OrderService.Occasion(OrderOrigin.TASK_OVERDUE, "TASK", overdue.taskId(),
                        overdue.code() + " " + overdue.title(), overdue.leadUnitId(), overdue.responsibleLeaderId(),
                        "任务逾期未完成：完成时限 " + overdue.deadline()), day);
            } else if (event.data() instanceof ReportOverdue late) {
                orders.firstRung(new OrderService.Occasion(OrderOrigin.REPORT_OVERDUE, "TASK", late.taskId(),
                        late.code() + " " + late.title(), late.leadUnitId(), late.responsibleLeaderId(),
                        "月度进展报告逾期未报：" + late.period() + "，应于 " + late.dueOn() + " 前报送"), day);
            } else if (event.data() instanceof TaskClosed closed) {
                orders.closeOpenOn(closed.taskId(), "任务已销号（" + closed.closedOn() + "）");
            } else if (event.data() instanceof TaskReassigned reassigned && reassigned.closeOpenOrders()) {
                // otherwise the open order stays with the unit that earned it
                orders.closeOpenOn(reassigned.taskId(), REASSIGNED + "：任务已调整牵头单位或责任人（" + reassigned.reason()
                        + "）");
            } else if (event.data() instanceof TaskStatusChanged changed && "CANCELLED".equals(changed.toStatus())) {
                orders.closeOpenOn(changed.taskId(), "任务已调整出计划（取消）"
                        + (changed.reason() == null || changed.reason().isBlank() ? "" : "：" + changed.reason()));
            }
        });
    }
}
