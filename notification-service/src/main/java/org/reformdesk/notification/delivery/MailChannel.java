package org.reformdesk.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;

import java.util.Optional;

/** Sends reminders by e-mail through quarkus-mailer (its SMTP settings under quarkus.mailer.*). */
@ApplicationScoped
class MailChannel implements ReminderChannel {

    @Inject
    Mailer mailer;

    @Inject
    EmailConfig config;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Optional<String> unavailable() {
        return config.enabled() ? Optional.empty()
                : Optional.of("E-mail is not configured (reform.channels.email.enabled is false)");
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.email());
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        try {
            mailer.send(Mail.withText(message.address(), message.title(), message.body()));
        } catch (RuntimeException e) {
            throw new ChannelFailure("Mail server refused the message: " + e.getMessage(), e);
        }
    }
}
