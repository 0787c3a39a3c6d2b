package org.reformdesk.notification.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.notification.delivery.PushDevice;
import org.reformdesk.notification.reminders.DeliveryState;
import org.reformdesk.notification.reminders.Reminder;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.UUID;

/** A person's own inbox: the INBOX copies of their reminders, what they have read, and their push devices. */
@ApplicationScoped
class PersonalInbox {

    @Inject
    ServiceClock clock;

    public Page<Reminder> list(UUID person, boolean unreadOnly, PageRequest paging) {
        var found = Reminder.<Reminder>find("recipientId = ?1 and channel = ?2" + (unreadOnly ? " and state = ?3" : "")
                        + " order by createdAt desc, id", unreadOnly
                        ? new Object[] {person, Channel.INBOX, DeliveryState.DELIVERED}
                        : new Object[] {person, Channel.INBOX});
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    public long unread(UUID person) {
        return Reminder.count("recipientId = ?1 and channel = ?2 and state = ?3", person, Channel.INBOX,
                DeliveryState.DELIVERED);
    }

    /** Marks one reminder read; reading it again changes nothing. Someone else's reminder is refused. */
    @Transactional
    public Reminder markRead(UUID person, UUID reminderId, String actor) {
        Reminder reminder = Reminder.<Reminder>findByIdOptional(reminderId)
                .filter(r -> r.channel == Channel.INBOX)
                .orElseThrow(() -> ProblemException.notFound("Reminder", reminderId));
        if (!person.equals(reminder.recipientId)) {
            throw ProblemException.forbidden("Reminder " + reminderId + " is not yours.");
        }
        if (reminder.state == DeliveryState.DELIVERED) {
            reminder.state = DeliveryState.READ;
            reminder.readAt = clock.instant();
            reminder.readBy = actor;
        }
        return reminder;
    }

    @Transactional
    public int markAllRead(UUID person, String actor) {
        return Reminder.update("state = ?1, readAt = ?2, readBy = ?3 where recipientId = ?4 and channel = ?5 "
                + "and state = ?6", DeliveryState.READ, clock.instant(), actor, person, Channel.INBOX,
                DeliveryState.DELIVERED);
    }

    /** Registers a phone for push; a token registered again (or moved to another person) is updated. */
    @Transactional
    public PushDevice register(UUID person, String token, String platform, String actor) {
        PushDevice device = PushDevice.<PushDevice>findByIdOptional(token).orElseGet(PushDevice::new);
        device.token = token;
        device.personId = person;
        device.platform = platform;
        device.registeredAt = clock.instant();
        device.registeredBy = actor;
        device.persist();
        return device;
    }

    @Transactional
    public boolean unregister(UUID person, String token) {
        return PushDevice.delete("token = ?1 and personId = ?2", token, person) > 0;
    }
}
