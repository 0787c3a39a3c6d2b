package org.reformdesk.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ConfiguredChannels;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The inbox and every channel that can send; in the local preview every channel, since each writes what it would
 * send to the log. Asked per occasion, not kept: whether a channel can send is read from its settings each time
 * (push, for one, needs its service account file to be readable).
 */
@ApplicationScoped
class ChannelConfiguration implements ConfiguredChannels {

    @Inject
    Instance<ReminderChannel> allChannels;

    @Inject
    ChannelsConfig config;

    private List<ReminderChannel> channels;

    @Override
    public Set<Channel> configured() {
        if (channels == null) {
            channels = allChannels.stream().toList();
        }
        Set<Channel> configured = EnumSet.of(Channel.INBOX);
        for (ReminderChannel channel : channels) {
            if (config.preview() || channel.unavailable().isEmpty()) {
                configured.add(channel.channel());
            }
        }
        return configured;
    }
}
