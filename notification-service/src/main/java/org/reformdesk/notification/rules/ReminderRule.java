package org.reformdesk.notification.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What happens on one kind of occasion: who hears of it (in this order of the chain), on which channels, and
 * how often it is repeated while its subject stays open (empty: never).
 */
public record ReminderRule(List<Recipient> recipients, List<Channel> channels, Optional<Duration> repeatEvery) {

    public ReminderRule {
        recipients = List.copyOf(recipients);
        channels = List.copyOf(channels);
        if (!channels.contains(Channel.INBOX)) {
            // the inbox is the record of every reminder; other channels only echo it
            throw new IllegalArgumentException("Every reminder rule must include the INBOX channel");
        }
        if (repeatEvery.isPresent() && (repeatEvery.get().isNegative() || repeatEvery.get().isZero())) {
            throw new IllegalArgumentException("A repeat interval must be positive");
        }
    }
}
