package org.reformdesk.notification.rules;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reminder rules of every kind, as configured: data, not code. */
public final class ReminderRules {

    private final Map<ReminderKind, ReminderRule> rules;

    public ReminderRules(Map<ReminderKind, ReminderRule> rules) {
        this.rules = new EnumMap<>(ReminderKind.class);
        this.rules.putAll(rules);
        for (ReminderKind kind : ReminderKind.values()) {
            if (!this.rules.containsKey(kind)) {
                throw new IllegalArgumentException("No reminder rule for " + kind);
            }
        }
    }

    public ReminderRule rule(ReminderKind kind) {
        return rules.get(kind);
    }

    /**
     * The people an occasion reaches, each once even if they hold two places in the chain (a unit head who is
     * also the responsible person gets one reminder), in the rule's order.
     */
    public List<UUID> recipients(Occasion occasion, Responsibilities chain) {
        LinkedHashSet<UUID> people = new LinkedHashSet<>();
        for (Recipient recipient : rule(occasion.kind()).recipients()) {
            people.addAll(recipient.resolve(occasion, chain));
        }
        return List.copyOf(people);
    }
}
