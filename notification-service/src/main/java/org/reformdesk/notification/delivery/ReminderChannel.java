package org.reformdesk.notification.delivery;

import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;

import java.util.Optional;

/** A way out to people besides the inbox: SMS, e-mail, push. */
public interface ReminderChannel {

    Channel channel();

    /** Why this channel cannot send at all (not enabled, not configured); empty when it can. */
    Optional<String> unavailable();

    /** Where this person is reached on this channel; empty when they have no such address. */
    Optional<String> address(Contact contact);

    void send(Outgoing message) throws ChannelFailure;
}
