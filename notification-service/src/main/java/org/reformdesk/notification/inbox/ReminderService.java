package org.reformdesk.notification.inbox;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reformdesk.events.ReminderDelivered;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.directory.Directory;
import org.reformdesk.notification.rules.Channel;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns occasions into reminders, once per (recipient, subject, kind, occasion) and channel: the inbox copy is
 * delivered at once, the other channels wait for the dispatcher.
 */
@ApplicationScoped
public class ReminderService {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ServiceClock clock;

    @Inject
    Directory directory;

    @Inject
    ReminderTexts texts;

    @Inject
    RemindersConfig config;

    @Inject
    Repeats repeats;

    @Inject
    Event<InboxArrival> arrivals;

    private ReminderRules rules;

    ReminderRules rules() {
        if (rules == null) {
            rules = config.rules();
        }
        return rules;
    }

    /** Reminds everyone the occasion's rule names and, for repeating kinds, schedules the next round. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Reminder> remind(Occasion occasion) {
        List<Reminder> created = deliver(occasion);
        ReminderRule rule = rules().rule(occasion.kind());
        rule.repeatEvery().ifPresent(every -> repeats.schedule(occasion, clock.instant().plus(every)));
        return created;
    }

    /** One round of an occasion: the reminders, without scheduling anything. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Reminder> deliver(Occasion occasion) {
        ReminderRule rule = rules().rule(occasion.kind());
        List<Reminder> created = new ArrayList<>();
        for (UUID person : rules().recipients(occasion, directory)) {
            Language language = Language.forTag(directory.contact(person).map(Contact::language).orElse(null));
            ReminderTexts.Text text = texts.write(occasion.kind(), language, occasion.facts());
            for (Channel channel : rule.channels()) {
                insert(person, occasion, channel, language, text).ifPresent(created::add);
            }
        }
        return created;
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

    /**
     * The unique key on (recipient, subject, kind, occasion, channel) settles duplicates even when two events
     * about one occasion arrive with different ids.
     */
    private Optional<Reminder> insert(UUID recipient, Occasion occasion, Channel channel, Language language,
            ReminderTexts.Text text) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean inbox = channel == Channel.INBOX;
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO reminder (id, recipient_id, kind, subject_id, occasion, channel, title, body,
                                              language, state, created_at, delivered_at, next_attempt_at)
                        VALUES (:id, :recipient, :kind, :subject, :occasion, :channel, :title, :body, :language,
                                :state, :now, CASE WHEN :inbox THEN CAST(:now AS timestamptz) END,
                                CASE WHEN :inbox THEN NULL ELSE CAST(:now AS timestamptz) END)
                        ON CONFLICT DO NOTHING""")
                .setParameter("id", id)
                .setParameter("recipient", recipient)
                .setParameter("kind", occasion.kind().name())
                .setParameter("subject", occasion.subjectId())
                .setParameter("occasion", occasion.key())
                .setParameter("channel", channel.name())
                .setParameter("title", text.title())
                .setParameter("body", text.body())
                .setParameter("language", language.tag())
                .setParameter("state", (inbox ? DeliveryState.DELIVERED : DeliveryState.PENDING).name())
                .setParameter("now", now)
                .setParameter("inbox", inbox)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        Reminder reminder = Reminder.findById(id);
        if (inbox) {
            outbox.record(ReminderDelivered.of(id, recipient, occasion.kind().name(), occasion.subjectId(),
                    channel.name(), now));
            arrivals.fire(new InboxArrival(ReminderView.of(reminder)));
        }
        return Optional.of(reminder);
    }
}
