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
import org.reformdesk.notification.reminders.DeliveryState;
import org.reformdesk.notification.reminders.Reminder;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.text.Language;
import org.reformdesk.notification.text.ReminderTexts;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends PENDING deliveries on every channel besides the inbox when they fall due. Each pass takes a batch with SKIP
 * LOCKED and leases it, so replicas share the work; the message is sent outside any transaction and its outcome
 * recorded in a new one: SENT with ReminderDelivered, a retry after the backoff (or the vendor's Retry-After), or
 * FAILED with ReminderFailed, at once when no retry can help. A delivery waits, without a due time, while the
 * directory does not know its recipient; it is SKIPPED on a channel the recipient turned off for its kind; it waits
 * for the recipient's daily digest, which gathers their waiting reminders on that channel into one message; and it
 * waits for the morning when it would wake a phone in the recipient's quiet hours. A reminder the office insists
 * on ({@link Reminder#mandatory}) ignores the person's choices and waits only for the office's quiet hours.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String WAITING_FOR_DIRECTORY = "waiting for the directory to know the recipient";
    static final String QUIET_HOURS = "held for the quiet hours";
    static final String DIGEST = "held for the recipient's daily digest";
    static final String TURNED_OFF = "the recipient turned this channel off for this kind of reminder";

    /** A delivery ready to go: the message, the deliveries it carries (more than itself for a digest), and whether
     * the channel only previews it in the log. */
    private record Prepared(Outgoing message, List<UUID> carried, Optional<String> previewOnly) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryConfig config;

    @Inject
    ChannelsConfig channelsConfig;

    @Inject
    ConsoleConfig console;

    @Inject
    ServiceClock clock;

    @Inject
    Directory directory;

    @Inject
    Preferences preferences;

    @Inject
    ReminderTexts texts;

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
                        WHERE recipient_id = :person AND state = 'PENDING' AND next_attempt_at IS NULL
                          AND digest_id IS NULL""")
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
        Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        if (prepared.isEmpty()) {
            return;
        }
        Outgoing message = prepared.get().message();
        if (prepared.get().previewOnly().isPresent()) {
            LOG.infof("[preview %s] to %s (%s) %s | %s | %s", message.channel(), message.address(),
                    message.recipientId(), message.title(), message.body(), message.link());
            String reason = "preview only, written to the log: " + prepared.get().previewOnly().get();
            QuarkusTransaction.requiringNew().run(() -> prepared.get().carried()
                    .forEach(carried -> skip(Reminder.findById(carried), reason)));
            return;
        }
        Optional<ChannelFailure> failure = Optional.empty();
        try {
            channels().get(message.channel()).send(message);
        } catch (ChannelFailure e) {
            failure = Optional.of(e);
        }
        Optional<ChannelFailure> outcome = failure;
        QuarkusTransaction.requiringNew().run(() -> record(id, prepared.get().carried(), outcome));
    }

    /** Decides whether the delivery goes out now; everything that keeps it back is written down here. */
    private Optional<Prepared> prepare(UUID id) {
        Reminder reminder = Reminder.findById(id);
        if (reminder == null || reminder.state != DeliveryState.PENDING
                || reminder.digestId != null && !reminder.digestId.equals(reminder.id)) {
            // done, or carried by another delivery's digest
            return Optional.empty();
        }
        ReminderChannel channel = channels().get(reminder.channel);
        Optional<String> unavailable = channel == null ? Optional.of("No " + reminder.channel + " channel")
                : channel.unavailable();
        if (unavailable.isPresent() && (channel == null || !channelsConfig.preview())) {
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
        DeliveryPreferences choices = reminder.mandatory ? DeliveryPreferences.officeDefaults(config.quietHours())
                : preferences.of(reminder.recipientId);
        if (!choices.wants(reminder.kind, reminder.channel)) {
            skip(reminder, TURNED_OFF);
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean digest = choices.digestAt().isPresent();
        if (digest && reminder.digestAt == null) {
            reminder.digestAt = choices.nextDigest(reminder.createdAt, clock.getZone()).orElseThrow();
        }
        if (digest && reminder.digestAt.isAfter(now)) {
            reminder.nextAttemptAt = reminder.digestAt;
            reminder.reason = DIGEST;
            return Optional.empty();
        }
        if (reminder.channel.respectsQuietHours()) {
            Optional<Instant> held = choices.quietHours().heldUntil(now, clock.getZone());
            if (held.isPresent()) {
                reminder.nextAttemptAt = held.get();
                reminder.reason = QUIET_HOURS;
                return Optional.empty();
            }
        }
        List<Reminder> carried = digest ? gatherDigest(reminder, choices, now) : List.of(reminder);
        if (!carried.contains(reminder)) {
            return Optional.empty();
        }
        String title = reminder.title;
        String body = reminder.body;
        if (carried.size() > 1) {
            ReminderTexts.Text text = texts.digest(Language.forTag(reminder.language),
                    carried.stream().map(r -> r.title).toList());
            title = text.title();
            body = text.body();
        }
        boolean mandatory = carried.stream().anyMatch(r -> r.mandatory);
        Outgoing message = new Outgoing(reminder.channel, reminder.id, reminder.recipientId, reminder.kind,
                reminder.subjectId, address.get(), reminder.language, title, body, console.inboxPage(),
                config.urgencyOf(reminder.kind, mandatory), config.timeToLiveOf(reminder.kind));
        return Optional.of(new Prepared(message, carried.stream().map(r -> r.id).toList(),
                unavailable.filter(reason -> channelsConfig.preview())));
    }

    /**
     * The recipient's reminders on this channel whose digest time has come, this one among them, marked as carried
     * by it; locked, so a replica preparing another of them at the same moment finds it taken. Kinds the person has
     * turned off since are skipped.
     */
    private List<Reminder> gatherDigest(Reminder lead, DeliveryPreferences choices, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM reminder
                        WHERE recipient_id = :recipient AND channel = :channel AND state = 'PENDING'
                          AND digest_at <= :now AND (digest_id IS NULL OR digest_id = :lead)
                        ORDER BY created_at, id FOR UPDATE""", UUID.class)
                .setParameter("recipient", lead.recipientId)
                .setParameter("channel", lead.channel.name())
                .setParameter("now", now)
                .setParameter("lead", lead.id)
                .getResultList();
        List<Reminder> carried = new ArrayList<>();
        for (UUID id : ids) {
            Reminder member = Reminder.findById(id);
            entityManager.refresh(member);
            if (!choices.wants(member.kind, member.channel)) {
                skip(member, TURNED_OFF);
                continue;
            }
            member.digestId = lead.id;
            if (member != lead) {
                member.nextAttemptAt = null;
                member.reason = "in the daily digest of delivery " + lead.id;
            }
            carried.add(member);
        }
        return carried;
    }

    private void record(UUID id, List<UUID> carriedIds, Optional<ChannelFailure> failure) {
        Reminder lead = Reminder.findById(id);
        List<Reminder> carried = carriedIds.stream().map(c -> Reminder.<Reminder>findById(c))
                .filter(r -> r != null && r.state == DeliveryState.PENDING).toList();
        Instant now = clock.instant();
        lead.attempts++;
        if (failure.isEmpty()) {
            for (Reminder reminder : carried) {
                reminder.state = DeliveryState.SENT;
                reminder.deliveredAt = now;
                reminder.nextAttemptAt = null;
                reminder.reason = null;
                outbox.record(ReminderDelivered.of(reminder.id, reminder.recipientId, reminder.kind.name(),
                        reminder.subjectId, reminder.channel.name(), now));
            }
            return;
        }
        String reason = failure.get().getMessage();
        Optional<Instant> retry = config.retryPolicy().retryAt(lead.attempts, now, failure.get());
        lead.reason = reason;
        if (retry.isPresent()) {
            lead.nextAttemptAt = retry.get();
            LOG.infof("%s delivery %s failed (attempt %d), retrying at %s: %s", lead.channel, id, lead.attempts,
                    retry.get(), reason);
            return;
        }
        LOG.warnf("%s delivery %s failed for good after %d attempt(s): %s", lead.channel, id, lead.attempts, reason);
        for (Reminder reminder : carried) {
            reminder.state = DeliveryState.FAILED;
            reminder.nextAttemptAt = null;
            reminder.reason = reason;
            outbox.record(ReminderFailed.of(reminder.id, reminder.recipientId, reminder.kind.name(),
                    reminder.subjectId, reminder.channel.name(), reason));
        }
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
