package org.reformdesk.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ReminderDelivered;
import org.reformdesk.events.TaskOverdue;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.time.ServiceClock;

import java.util.Optional;
import java.util.UUID;

/** Turns events into reminders in people's inboxes, once per (recipient, subject, kind, occasion). */
@ApplicationScoped
public class ReminderService {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    /** The responsible person hears first when a task goes overdue; the occasion is the deadline that passed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reminder> taskWentOverdue(TaskOverdue overdue) {
        ReminderText.Text text = ReminderText.overdue(overdue);
        return deliverToInbox(overdue.responsiblePersonId(), ReminderKind.TASK_OVERDUE, overdue.taskId(),
                overdue.deadline().toString(), text);
    }

    public Page<Reminder> inbox(UUID recipient, PageRequest paging) {
        var found = Reminder.<Reminder>find("recipientId = ?1 order by createdAt desc, id", recipient);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    /**
     * The unique key on (recipient, subject, kind, occasion, channel) settles duplicates even when two events
     * about one occasion arrive with different ids.
     */
    private Optional<Reminder> deliverToInbox(UUID recipient, ReminderKind kind, UUID subject, String occasion,
            ReminderText.Text text) {
        UUID id = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO reminder (id, recipient_id, kind, subject_id, occasion, channel, title, body, state,
                                              created_at, delivered_at)
                        VALUES (:id, :recipient, :kind, :subject, :occasion, :channel, :title, :body, 'DELIVERED',
                                :now, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("id", id)
                .setParameter("recipient", recipient)
                .setParameter("kind", kind.name())
                .setParameter("subject", subject)
                .setParameter("occasion", occasion)
                .setParameter("channel", Reminder.INBOX)
                .setParameter("title", text.title())
                .setParameter("body", text.body())
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        outbox.record(ReminderDelivered.of(id, recipient, kind.name(), subject, Reminder.INBOX, clock.instant()));
        return Optional.of(Reminder.findById(id));
    }
}
