package org.reformdesk.notification.rules;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the office puts beyond people's preferences (reform.preferences.*). */
@ConfigMapping(prefix = "reform.preferences")
public interface AlwaysDeliveredConfig {

    /** Kinds that reach a person whatever they chose, e.g. {@code TASK_OVERDUE}. */
    Optional<List<ReminderKind>> alwaysDeliveredKinds();

    /** Rungs of the supervision ladder whose orders reach a person whatever they chose, e.g. {@code RECTIFICATION_ORDER}. */
    Optional<List<String>> alwaysDeliveredRungs();

    default AlwaysDelivered alwaysDelivered() {
        return new AlwaysDelivered(Set.copyOf(alwaysDeliveredKinds().orElse(List.of())),
                Set.copyOf(alwaysDeliveredRungs().orElse(List.of())));
    }
}
