package org.reformdesk.notification.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing to remind people of: a kind, the subject it is about (task, order, pilot, rectification item,
 * month), and the key that tells this occasion from others of the same kind about the same subject (the
 * deadline that passed, the report period, the repeat round). {@code facts} fill the message templates.
 */
public record Occasion(ReminderKind kind, UUID subjectId, String key, UUID unitId, UUID responsiblePersonId,
        UUID responsibleLeaderId, Map<String, String> facts) {

    public Occasion {
        facts = Map.copyOf(facts);
    }

    /** The same occasion reminded again: round 2 is the first repeat. */
    public Occasion repeat(int round) {
        Map<String, String> more = new LinkedHashMap<>(facts);
        more.put("round", Integer.toString(round));
        return new Occasion(kind, subjectId, key + "#" + round, unitId, responsiblePersonId, responsibleLeaderId,
                more);
    }
}
