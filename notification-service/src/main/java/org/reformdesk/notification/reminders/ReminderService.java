package org.reformdesk.notification.reminders;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.reformdesk.events.ReminderDelivered;
import org.reformdesk.events.TaskReassigned;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.AlwaysDelivered;
import org.reformdesk.notification.rules.AlwaysDeliveredConfig;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ConfiguredChannels;
import org.reformdesk.notification.rules.Occasion;
import org.reformdesk.notification.rules.ReminderKind;
import org.reformdesk.notification.rules.ReminderRule;
import org.reformdesk.notification.rules.ReminderRules;
import org.reformdesk.notification.rules.RemindersConfig;
import org.reformdesk.notification.text.Language;
import org.reformdesk.notification.text.ReminderTexts;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.time.ServiceClock;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns occasions into reminders, once per (recipient, subject, kind, occasion) and channel: the inbox copy is
 * delivered at once, the other configured channels wait for the dispatcher.
 */
@ApplicationScoped
class ReminderService {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    CachedDirectory directory;

    @Inject
    ReminderTexts texts;

    @Inject
    RemindersConfig config;

    @Inject
    AlwaysDeliveredConfig alwaysDeliveredConfig;

    @Inject
    Repeats repeats;

    @Inject
    ConfiguredChannels channels;

    @Inject
    Event<InboxArrival> arrivals;

    private ReminderRules rules;
    private AlwaysDelivered alwaysDelivered;

    ReminderRules rules() {
        if (rules == null) {
            rules = config.rules();
        }
        return rules;
    }

    private AlwaysDelivered alwaysDelivered() {
        if (alwaysDelivered == null) {
            alwaysDelivered = alwaysDeliveredConfig.alwaysDelivered();
        }
        return alwaysDelivered;
    }

    /** Reminds everyone the occasion's rule names and, for repeating kinds, schedules the next round. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(Occasion occasion) {
        deliver(occasion);
        ReminderRule rule = rules().rule(occasion.kind());
        rule.repeatEvery().ifPresent(every -> repeats.schedule(occasion, clock.instant().plus(every)));
    }

    /**
     * One round of an occasion: the reminders, without scheduling anything. They are written with one statement:
     * the year-end burst reminds 20,000 people on several channels, and a statement and a read-back per reminder
     * were half of what this service spent on it. Their inbox copies are announced as entities, which a consumer
     * batch writes for 100 events at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliver(Occasion occasion) {
        ReminderRule rule = rules().rule(occasion.kind());
        // the database keeps microseconds: what is announced must be what is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Reminder> reminders = new ArrayList<>();
        boolean mandatory = alwaysDelivered().covers(occasion);
        // a channel that cannot send gets no row: it would only be SKIPPED, for every recipient of every reminder
        Set<Channel> open = channels.configured();
        List<Channel> configured = rule.channels().stream().filter(open::contains).toList();
        for (UUID person : rules().recipients(occasion, directory)) {
            Language language = Language.forTag(directory.contact(person).map(Contact::language).orElse(null));
            ReminderTexts.Text text = texts.write(occasion.kind(), language, occasion.facts());
            for (Channel channel : configured) {
                reminders.add(reminder(person, occasion, channel, language, text, mandatory, now));
            }
        }
        List<Reminder> delivered = insertNew(reminders).stream()
                .filter(reminder -> reminder.state == DeliveryState.DELIVERED).toList();
        for (Reminder reminder : delivered) {
            outbox.record(ReminderDelivered.of(reminder.id, reminder.recipientId, reminder.kind.name(),
                    reminder.subjectId, reminder.channel.name(), now));
            arrivals.fire(new InboxArrival(ReminderView.of(reminder)));
        }
    }

    /** Repeats stop and waiting deliveries are dropped once a subject closes: nobody is chased for done work. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void subjectClosed(UUID subjectId) {
        repeats.close(subjectId, clock.instant());
        entityManager.createNativeQuery("""
                        UPDATE reminder SET state = 'SKIPPED', next_attempt_at = NULL, reason = 'the subject closed'
                        WHERE subject_id = :subject AND state = 'PENDING'""")
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    /**
     * A task changed hands: its repeating reminders go to the new unit, responsible person and leader from their next
     * round, and deliveries still waiting (for the morning, say) to the person who is no longer responsible are
     * dropped. What was already delivered stays in the old holders' inboxes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassigned(TaskReassigned reassigned) {
        repeats.reassign(reassigned.taskId(), reassigned.leadUnitId(), reassigned.responsiblePersonId(),
                reassigned.responsibleLeaderId());
        if (!reassigned.previousResponsiblePersonId().equals(reassigned.responsiblePersonId())) {
            entityManager.createNativeQuery("""
                            UPDATE reminder SET state = 'SKIPPED', next_attempt_at = NULL,
                                                reason = 'the task was reassigned to another person'
                            WHERE subject_id = :subject AND recipient_id = :previous AND state = 'PENDING'""")
                    .setParameter("subject", reassigned.taskId())
                    .setParameter("previous", reassigned.previousResponsiblePersonId())
                    .executeUpdate();
        }
    }

    public Page<Reminder> list(UUID recipient, Optional<ReminderKind> kind, Optional<Channel> channel,
            PageRequest paging) {
        StringBuilder query = new StringBuilder("recipientId = :recipient");
        Parameters parameters = Parameters.with("recipient", recipient);
        kind.ifPresent(k -> {
            query.append(" and kind = :kind");
            parameters.and("kind", k);
        });
        channel.ifPresent(c -> {
            query.append(" and channel = :channel");
            parameters.and("channel", c);
        });
        var found = Reminder.<Reminder>find(query + " order by createdAt desc, id", parameters);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    /** A reminder as it is to be stored: the inbox copy delivered at once, the other channels due now. */
    private static Reminder reminder(UUID recipient, Occasion occasion, Channel channel, Language language,
            ReminderTexts.Text text, boolean mandatory, Instant now) {
        boolean inbox = channel == Channel.INBOX;
        Reminder reminder = new Reminder();
        reminder.id = UUID.randomUUID();
        reminder.recipientId = recipient;
        reminder.kind = occasion.kind();
        reminder.subjectId = occasion.subjectId();
        reminder.occasion = occasion.key();
        reminder.channel = channel;
        reminder.title = text.title();
        reminder.body = text.body();
        reminder.language = language.tag();
        reminder.mandatory = mandatory;
        reminder.state = inbox ? DeliveryState.DELIVERED : DeliveryState.PENDING;
        reminder.createdAt = now;
        reminder.deliveredAt = inbox ? now : null;
        reminder.nextAttemptAt = inbox ? null : now;
        return reminder;
    }

    /**
     * Stores the reminders that are new and returns them. The unique key on (recipient, subject, kind, occasion,
     * channel) settles duplicates even when two events about one occasion arrive with different ids.
     */
    private List<Reminder> insertNew(List<Reminder> reminders) {
        if (reminders.isEmpty()) {
            return List.of();
        }
        String values = String.join(", ",
                Collections.nCopies(reminders.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        Set<UUID> inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO reminder (id, recipient_id, kind, subject_id, occasion, channel, title, body, language,
                                          state, created_at, delivered_at, next_attempt_at, mandatory)
                    VALUES %s ON CONFLICT DO NOTHING RETURNING id""".formatted(values))) {
                int at = 0;
                for (Reminder reminder : reminders) {
                    insert.setObject(++at, reminder.id);
                    insert.setObject(++at, reminder.recipientId);
                    insert.setString(++at, reminder.kind.name());
                    insert.setObject(++at, reminder.subjectId);
                    insert.setString(++at, reminder.occasion);
                    insert.setString(++at, reminder.channel.name());
                    insert.setString(++at, reminder.title);
                    insert.setString(++at, reminder.body);
                    insert.setString(++at, reminder.language);
                    insert.setString(++at, reminder.state.name());
                    insert.setObject(++at, utc(reminder.createdAt));
                    insert.setObject(++at, utc(reminder.deliveredAt));
                    insert.setObject(++at, utc(reminder.nextAttemptAt));
                    insert.setBoolean(++at, reminder.mandatory);
                }
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        return reminders.stream().filter(reminder -> inserted.contains(reminder.id)).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
