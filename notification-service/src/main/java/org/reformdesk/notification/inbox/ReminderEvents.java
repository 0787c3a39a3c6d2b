package org.reformdesk.notification.inbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reformdesk.notification.rules.Occasions;
import org.reformdesk.platform.inbox.IncomingEvent;
import org.reformdesk.platform.inbox.Inbox;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Events of tasks, pilots, supervision and assessment that someone must hear of, or that close a subject. */
@ApplicationScoped
public class ReminderEvents {

    @Inject
    Inbox inbox;

    @Inject
    ReminderService reminders;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> tasks(Message<String> message) {
        return inbox.deliver("notification.reminders", message, this::handle);
    }

    @Incoming("pilots")
    @Blocking
    public CompletionStage<Void> pilots(Message<String> message) {
        return inbox.deliver("notification.pilot-reminders", message, this::handle);
    }

    @Incoming("supervision")
    @Blocking
    public CompletionStage<Void> supervision(Message<String> message) {
        return inbox.deliver("notification.supervision-reminders", message, this::handle);
    }

    @Incoming("assessment")
    @Blocking
    public CompletionStage<Void> assessment(Message<String> message) {
        return inbox.deliver("notification.bulletins", message, this::handle);
    }

    private void handle(IncomingEvent event) {
        for (UUID closed : Occasions.closedBy(event.data())) {
            reminders.subjectClosed(closed);
        }
        Occasions.of(event.data()).forEach(reminders::remind);
    }
}
