package org.reformdesk.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.reformdesk.events.ReminderDelivered;
import org.reformdesk.events.ReminderFailed;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.directory.Directory;
import org.reformdesk.notification.directory.DirectoryChange;
import org.reformdesk.notification.inbox.DeliveryState;
import org.reformdesk.notification.inbox.Reminder;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends PENDING deliveries on SMS, e-mail and push when they fall due. Each pass takes a batch with SKIP LOCKED
 * and leases it, so replicas share the work; the message is sent outside any transaction and its outcome
 * recorded in a new one: SENT with ReminderDelivered, a retry after the backoff, or FAILED with ReminderFailed.
 * A delivery waits, without a due time, while the directory does not know its recipient, and for the morning
 * when SMS or push falls in the quiet hours.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String WAITING_FOR_DIRECTORY = "waiting for the directory to know the recipient";
    static final String QUIET_HOURS = "held for the quiet hours";

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryConfig config;

    @Inject
    ServiceClock clock;

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    Instance<ReminderChannel> allChannels;

    private Map<Channel, ReminderChannel> channels;
    private volatile boolean stopping;

    @Scheduled(every = "${reform.delivery.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!stopping) {
            dispatch();
        }
    }

    /** A pass that starts while the service stops would only find the database gone. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** One pass over the deliveries due now; returns how many were looked at. */
    public int dispatch() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(this::take);
        for (UUID id : due) {
            try {
                attempt(id);
            } catch (RuntimeException e) {
                // the lease runs out and the delivery is taken again
                LOG.warnf(e, "Delivery %s could not be attempted", id);
            }
        }
        return due.size();
    }

    /** A person the directory just learned of gets what was waiting for them. */
    void personKnown(@Observes DirectoryChange.PersonKnown known) {
        entityManager.createNativeQuery("""
                        UPDATE reminder SET next_attempt_at = :now, reason = NULL
                        WHERE recipient_id = :person AND state = 'PENDING' AND next_attempt_at IS NULL""")
                .setParameter("now", clock.instant())
                .setParameter("person", known.personId())
                .executeUpdate();
    }

    /** Someone who left their post is not chased any more. */
    void personLeft(@Observes DirectoryChange.PersonLeft left) {
        entityManager.createNativeQuery("""
                        UPDATE reminder SET state = 'SKIPPED', next_attempt_at = NULL,
                                            reason = 'the recipient left the directory'
                        WHERE recipient_id = :person AND state = 'PENDING'""")
                .setParameter("person", left.personId())
                .executeUpdate();
    }

    private List<UUID> take() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM reminder WHERE state = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("UPDATE reminder SET next_attempt_at = :lease WHERE id IN (:ids)")
                    .setParameter("lease", now.plus(config.lease()))
                    .setParameter("ids", due)
                    .executeUpdate();
        }
        return due;
    }

    private void attempt(UUID id) {
        Optional<Outgoing> outgoing = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        if (outgoing.isEmpty()) {
            return;
        }
        ReminderChannel channel = channels().get(outgoing.get().channel());
        Optional<ChannelFailure> failure = Optional.empty();
        try {
            channel.send(outgoing.get());
        } catch (ChannelFailure e) {
            failure = Optional.of(e);
        }
        Optional<ChannelFailure> outcome = failure;
        QuarkusTransaction.requiringNew().run(() -> record(id, outcome));
    }

    /** Decides whether the delivery goes out now; everything that keeps it back is written down here. */
    private Optional<Outgoing> prepare(UUID id) {
        Reminder reminder = Reminder.findById(id);
        if (reminder == null || reminder.state != DeliveryState.PENDING) {
            return Optional.empty();
        }
        ReminderChannel channel = channels().get(reminder.channel);
        Optional<String> unavailable = channel == null ? Optional.of("No " + reminder.channel + " channel")
                : channel.unavailable();
        if (unavailable.isPresent()) {
            skip(reminder, unavailable.get());
            return Optional.empty();
        }
        Optional<Contact> contact = directory.contact(reminder.recipientId);
        if (contact.isEmpty()) {
            reminder.nextAttemptAt = null;
            reminder.reason = WAITING_FOR_DIRECTORY;
            return Optional.empty();
        }
        Optional<String> address = channel.address(contact.get());
        if (address.isEmpty()) {
            skip(reminder, "the directory has no " + reminder.channel.name().toLowerCase() + " address for the "
                    + "recipient");
            return Optional.empty();
        }
        if (reminder.channel.respectsQuietHours()) {
            Optional<Instant> held = config.quietHours().heldUntil(clock.instant(), clock.getZone());
            if (held.isPresent()) {
                reminder.nextAttemptAt = held.get();
                reminder.reason = QUIET_HOURS;
                return Optional.empty();
            }
        }
        return Optional.of(new Outgoing(reminder.channel, reminder.id, reminder.kind, reminder.subjectId, address.get(),
                reminder.language, reminder.title, reminder.body));
    }

    private void record(UUID id, Optional<ChannelFailure> failure) {
        Reminder reminder = Reminder.findById(id);
        Instant now = clock.instant();
        reminder.attempts++;
        if (failure.isEmpty()) {
            reminder.state = DeliveryState.SENT;
            reminder.deliveredAt = now;
            reminder.nextAttemptAt = null;
            reminder.reason = null;
            outbox.record(ReminderDelivered.of(reminder.id, reminder.recipientId, reminder.kind.name(),
                    reminder.subjectId, reminder.channel.name(), now));
            return;
        }
        String reason = failure.get().getMessage();
        Optional<Instant> retry = config.retryPolicy().retryAt(reminder.attempts, now);
        reminder.reason = reason;
        if (retry.isPresent()) {
            reminder.nextAttemptAt = retry.get();
            LOG.infof("%s delivery %s failed (attempt %d), retrying at %s: %s", reminder.channel, id,
                    reminder.attempts, retry.get(), reason);
            return;
        }
        reminder.state = DeliveryState.FAILED;
        reminder.nextAttemptAt = null;
        LOG.warnf("%s delivery %s failed for good after %d attempts: %s", reminder.channel, id, reminder.attempts,
                reason);
        outbox.record(ReminderFailed.of(reminder.id, reminder.recipientId, reminder.kind.name(), reminder.subjectId,
                reminder.channel.name(), reason));
    }

    private static void skip(Reminder reminder, String reason) {
        reminder.state = DeliveryState.SKIPPED;
        reminder.nextAttemptAt = null;
        reminder.reason = reason;
    }

    private Map<Channel, ReminderChannel> channels() {
        if (channels == null) {
            Map<Channel, ReminderChannel> byChannel = new EnumMap<>(Channel.class);
            allChannels.forEach(channel -> byChannel.put(channel.channel(), channel));
            channels = byChannel;
        }
        return channels;
    }
}
