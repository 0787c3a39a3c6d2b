package org.reformdesk.notification.me;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.reformdesk.notification.inbox.InboxArrival;
import org.reformdesk.notification.inbox.ReminderView;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feed of reminders arriving in inboxes, for the mobile app's stream. A reminder is announced only
 * after the transaction that put it in the inbox commits, so the app never shows one that rolled back.
 * Each replica announces what its own consumers delivered.
 */
@ApplicationScoped
public class InboxStream {

    /**
     * Reminders a slow reader may have waiting. A commit announces its whole batch at once (an overdue task's reminder
     * and its order's arrive together), faster than an SSE connection writes them; without a buffer the processor
     * failed the stream on the second one (BackPressureFailure) and the reader lost both.
     */
    static final int WAITING = 1024;

    private final BroadcastProcessor<ReminderView> arrivals = BroadcastProcessor.create();
    private final Map<UUID, AtomicInteger> listeners = new ConcurrentHashMap<>();

    void arrived(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxArrival arrival) {
        arrivals.onNext(arrival.reminder());
    }

    /** The reminders that arrive in one person's inbox from now on. */
    public Multi<ReminderView> of(UUID person) {
        AtomicInteger count = listeners.computeIfAbsent(person, p -> new AtomicInteger());
        return arrivals.onOverflow().buffer(WAITING).filter(reminder -> person.equals(reminder.recipientId()))
                .onSubscription().invoke(count::incrementAndGet)
                .onTermination().invoke(count::decrementAndGet);
    }

    /** How many streams are open for a person. */
    public int listeners(UUID person) {
        AtomicInteger count = listeners.get(person);
        return count == null ? 0 : count.get();
    }
}
