package org.reformdesk.notification.rules;

import java.util.Set;

/**
 * The reminders the office decides reach a person whatever they chose (DOMAIN.md: the overdue and the top rung of the
 * ladder): on every channel of the kind's rule, never held for a digest, quiet only in the office's quiet hours. A
 * kind is named whole; an order occasion also by its rung.
 */
public record AlwaysDelivered(Set<ReminderKind> kinds, Set<String> rungs) {

    public AlwaysDelivered {
        kinds = Set.copyOf(kinds);
        rungs = Set.copyOf(rungs);
    }

    public boolean covers(Occasion occasion) {
        return kinds.contains(occasion.kind()) || rungs.contains(occasion.facts().getOrDefault("rung", ""));
    }
}
