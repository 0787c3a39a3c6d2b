package org.reformdesk.notification.rules;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reminder rules and their schedule, from configuration. */
@ConfigMapping(prefix = "reform.reminders")
public interface RemindersConfig {

    /** One rule per {@link ReminderKind}, keyed by the kind's name, e.g. {@code reform.reminders.kinds.TASK_OVERDUE}. */
    Map<String, KindRule> kinds();

    /** How often repeats that fell due are sent, e.g. {@code 1m}; {@code off} disables the schedule. */
    String repeatSweepEvery();

    interface KindRule {

        /** Places in the responsibility chain that get the reminder, in order. */
        List<Recipient> recipients();

        /** Channels; INBOX must be one of them. */
        List<Channel> channels();

        /** Repeat while the subject stays open, every this long (e.g. {@code P3D}); unset: never. */
        Optional<Duration> repeatEvery();
    }

    default ReminderRules rules() {
        Map<ReminderKind, ReminderRule> rules = new EnumMap<>(ReminderKind.class);
        kinds().forEach((kind, rule) -> rules.put(ReminderKind.valueOf(kind),
                new ReminderRule(rule.recipients(), rule.channels(), rule.repeatEvery())));
        return new ReminderRules(rules);
    }
}
