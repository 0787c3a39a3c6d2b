package org.reformdesk.notification.delivery;

import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;

import java.util.Optional;

/** A way out to people besides the inbox: SMS, e-mail, the work messengers, push to apps and browsers. */
interface ReminderChannel {

    Channel channel();

    /** Why this channel cannot send at all (not enabled, not configured); empty when it can. */
    Optional<String> unavailable();

    /**
     * Where this person is reached on this channel (a phone number, an address, a messenger account; for push, the
     * person, whose every registered device gets it); empty when they have no such address.
     */
    Optional<String> address(Contact contact);

    /** Sends the message; a failure says whether a retry can help and how long the vendor asks to wait. */
    void send(Outgoing message) throws ChannelFailure;
}
