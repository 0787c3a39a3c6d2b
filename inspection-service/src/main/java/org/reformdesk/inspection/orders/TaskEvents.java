package org.reformdesk.inspection.orders;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/** Task events that call for supervision: an overdue task gets an order. */
@ApplicationScoped
public class TaskEvents {

    @Inject
    Inbox inbox;

    @Inject
    OrderService orders;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.deliver("inspection.orders", message, event -> {
            if (event.data() instanceof TaskOverdue overdue) {
                orders.taskWentOverdue(overdue, event.time());
            }
        });
    }
}
