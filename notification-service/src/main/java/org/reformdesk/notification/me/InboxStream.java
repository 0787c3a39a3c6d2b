package org.reformdesk.notification.me;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.reformdesk.notification.reminders.InboxArrival;
import org.reformdesk.notification.reminders.Reminder;
import org.reformdesk.notification.reminders.ReminderView;
import org.reformdesk.platform.inbox.OncePerBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feed of reminders arriving in inboxes, for the console's and the mobile app's streams, across replicas:
 * whichever replica's consumer put a reminder in an inbox, the person's stream on any replica shows it. The
 * transaction that writes the inbox copies also sends a PostgreSQL NOTIFY on {@value #CHANNEL} (recipient and
 * reminder id; one statement per consumer batch), which PostgreSQL delivers to every replica's listening connection
 * only once it commits, and never if it rolls back. Each replica reads the reminder of a notification only if it
 * holds a stream for its recipient.
 *
 * <p>Why PostgreSQL and not a Kafka topic every replica reads with its own group: the notification is part of the
 * very transaction that writes the inbox copy, so it is sent exactly when, and only if, the reminder is there to
 * be read, with no outbox between (the outbox relay polls every second) and no consumer group per pod left behind
 * in Kafka by every restart. A replica that is down misses notifications, which is what a live feed means: a client
 * that reconnects reads its inbox.
 */
@ApplicationScoped
class InboxStream {

    private static final Logger LOG = Logger.getLogger(InboxStream.class);
    static final String CHANNEL = "reform_inbox";
    private static final String PENDING = InboxStream.class.getName() + ".pending";
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OncePerBatch oncePerBatch;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Reminders a slow reader may have waiting. A commit announces its whole batch at once (an overdue task's reminder
     * and its order's arrive together), faster than an SSE connection writes them; without a buffer the processor
     * failed the stream on the second one (BackPressureFailure) and the reader lost both.
     */
    static final int WAITING = 1024;

    private final BroadcastProcessor<ReminderView> arrivals = BroadcastProcessor.create();
    private final Map<UUID, AtomicInteger> listeners = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile Connection listening;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "inbox-stream-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do with it
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** In the transaction that put the reminder in the inbox: announced to every replica when it commits. */
    void arrived(@Observes InboxArrival arrival) {
        @SuppressWarnings("unchecked")
        List<String> pending = (List<String>) transaction.getResource(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            transaction.putResource(PENDING, pending);
        }
        pending.add(arrival.reminder().recipientId() + "/" + arrival.reminder().id());
        oncePerBatch.run("inbox stream", this::notifyReplicas);
    }

    private void notifyReplicas() {
        @SuppressWarnings("unchecked")
        List<String> pending = (List<String>) transaction.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        String[] payloads = pending.toArray(String[]::new);
        pending.clear();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement(
                    "SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?) AS p")) {
                notify.setArray(1, connection.createArrayOf("text", payloads));
                notify.execute();
            }
        });
    }

    /** The reminders that arrive in one person's inbox from now on, whichever replica delivered them. */
    public Multi<ReminderView> of(UUID person) {
        AtomicInteger count = listeners.computeIfAbsent(person, p -> new AtomicInteger());
        return arrivals.onOverflow().buffer(WAITING).filter(reminder -> person.equals(reminder.recipientId()))
                .onSubscription().invoke(count::incrementAndGet)
                .onTermination().invoke(count::decrementAndGet);
    }

    /** How many streams are open for a person on this replica. */
    public int listeners(UUID person) {
        AtomicInteger count = listeners.get(person);
        return count == null ? 0 : count.get();
    }

    /** Holds one connection listening on the channel, and opens another after it breaks. */
    private void listen() {
        while (!stopping) {
            try (Connection connection = dataSource.getConnection()) {
                listening = connection;
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            announce(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("The inbox stream's listening connection broke, listening again in %s: %s", RECONNECT,
                            e.getMessage());
                    sleep(RECONNECT);
                }
            } finally {
                listening = null;
            }
        }
    }

    private void announce(String payload) {
        int slash = payload.indexOf('/');
        UUID recipient = UUID.fromString(payload.substring(0, slash));
        if (listeners(recipient) == 0) {
            return;
        }
        UUID id = UUID.fromString(payload.substring(slash + 1));
        ReminderView view = QuarkusTransaction.requiringNew().call(() -> {
            Reminder reminder = Reminder.findById(id);
            return reminder == null ? null : ReminderView.of(reminder);
        });
        if (view != null) {
            offer(view);
        }
    }

    /** Hands a reminder read on this replica to the streams open here; each stream keeps its recipient's. */
    void offer(ReminderView reminder) {
        arrivals.onNext(reminder);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
