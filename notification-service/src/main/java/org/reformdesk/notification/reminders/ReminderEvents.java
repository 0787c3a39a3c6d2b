package org.reformdesk.notification.reminders;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.EventType;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.notification.rules.Occasions;
import org.reformdesk.platform.inbox.Inbox;
import org.reformdesk.platform.inbox.IncomingEvent;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Events of tasks, pilots, supervision and assessment that someone must hear of, that close a subject, or that hand
 * a task's reminders to new people.
 */
@ApplicationScoped
class ReminderEvents {

    @Inject
    Inbox inbox;

    @Inject
    ReminderService reminders;

    @Incoming("tasks")
    @Blocking
    public CompletionStage<Void> tasks(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("notification.reminders", batch, this::handle);
    }

    @Incoming("pilots")
    @Blocking
    public CompletionStage<Void> pilots(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("notification.pilot-reminders", batch, this::handle);
    }

    @Incoming("supervision")
    @Blocking
    public CompletionStage<Void> supervision(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("notification.supervision-reminders", batch, this::handle);
    }

    /** The monthly bulletin; a live rank change reminds no one, and there are several for every deduction. */
    @Incoming("assessment")
    @Blocking
    public CompletionStage<Void> assessment(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("notification.bulletins", batch, EnumSet.of(EventType.RANKING_UPDATED), this::handle);
    }

    private void handle(IncomingEvent event) {
        for (UUID closed : Occasions.closedBy(event.data())) {
            reminders.subjectClosed(closed);
        }
        if (event.data() instanceof TaskReassigned reassigned) {
            reminders.reassigned(reassigned);
        }
        Occasions.of(event.data()).forEach(reminders::remind);
    }
}
