package org.reformdesk.notification.inbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/** Task events that someone must hear about. */
@ApplicationScoped
public class TaskEvents {

    @Inject
    Inbox inbox;

    @Inject
    ReminderService reminders;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.deliver("notification.reminders", message, event -> {
            if (event.data() instanceof TaskOverdue overdue) {
                reminders.taskWentOverdue(overdue);
            }
        });
    }
}
