package org.reformdesk.inspection.orders;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.PilotStatusChanged;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.platform.inbox.Inbox;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/** Pilot events that call for supervision: a late periodic summary gets the first rung; a completed pilot closes its orders. */
@ApplicationScoped
class PilotEvents {

    @Inject
    Inbox inbox;

    @Inject
    OrderService orders;

    @Inject
    ServiceClock clock;

    @Incoming("pilots")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("inspection.pilot-orders", batch, event -> {
            if (event.data() instanceof PilotSummaryOverdue late) {
                orders.firstRung(new OrderService.Occasion(OrderOrigin.PILOT_SUMMARY_OVERDUE, "PILOT", late.pilotId(),
                        late.name(), late.leadUnitId(), late.leadLeaderId(), "试点" + summaryLabel(late.kind())
                        + "逾期未报：" + late.period() + "，应于 " + late.dueOn() + " 前报送"),
                        LocalDate.ofInstant(event.time(), clock.getZone()));
            } else if (event.data() instanceof PilotStatusChanged changed && "COMPLETED".equals(changed.to())) {
                orders.closeOpenOn(changed.pilotId(), "试点已完成（总结验收通过）");
            }
        });
    }

    private static String summaryLabel(String kind) {
        return switch (kind) {
            case "MONTHLY_SUMMARY" -> "月度小结";
            case "QUARTERLY_ANALYSIS" -> "季度分析";
            case "HALF_YEAR_REVIEW" -> "半年盘点";
            case "FINAL_SUMMARY" -> "总结";
            default -> "阶段总结";
        };
    }
}
