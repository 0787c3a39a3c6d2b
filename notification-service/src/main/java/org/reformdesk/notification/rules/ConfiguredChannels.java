package org.reformdesk.notification.rules;

import java.util.Set;

/**
 * The channels a reminder is written for: the inbox and every channel this city configured. A rule may name more;
 * a channel that cannot send would only leave a SKIPPED row per reminder and recipient that nobody reads.
 */
public interface ConfiguredChannels {

    Set<Channel> configured();
}
