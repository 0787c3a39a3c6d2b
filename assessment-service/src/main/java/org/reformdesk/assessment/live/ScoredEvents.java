package org.reformdesk.assessment.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reformdesk.events.OrderIssued;
import org.reformdesk.events.PilotSummaryOverdue;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/** The facts that move scores: overdue tasks, supervision orders received and late pilot summaries. */
@ApplicationScoped
public class ScoredEvents {

    @Inject
    Inbox inbox;

    @Inject
    LiveScores scores;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> tasks(Message<String> message) {
        return inbox.deliver("assessment.tasks", message, event -> {
            if (event.data() instanceof TaskOverdue overdue) {
                scores.score(overdue.leadUnitId(), event.id(), scores.rules().taskOverdue(),
                        "任务逾期：" + overdue.code() + " " + overdue.title() + "（完成时限 " + overdue.deadline() + "）",
                        event.time());
            }
        });
    }

    @Incoming("pilots")
    @Blocking
    public CompletionStage<Void> pilots(Message<String> message) {
        return inbox.deliver("assessment.pilots", message, event -> {
            if (event.data() instanceof PilotSummaryOverdue late) {
                scores.score(late.leadUnitId(), event.id(), scores.rules().pilotSummaryLate(),
                        "试点总结逾期：" + late.name() + "（" + late.kind() + " " + late.period() + "，应于 " + late.dueOn()
                                + " 前报送）", event.time());
            }
        });
    }

    @Incoming("supervision")
    @Blocking
    public CompletionStage<Void> supervision(Message<String> message) {
        return inbox.deliver("assessment.supervision", message, event -> {
            if (event.data() instanceof OrderIssued order) {
                scores.score(order.targetUnitId(), event.id(), scores.rules().orderReceived(order.rung()),
                        "收到督办单（" + order.rung() + "）：" + order.subjectTitle(), event.time());
            }
        });
    }
}
