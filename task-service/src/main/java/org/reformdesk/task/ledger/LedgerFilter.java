package org.reformdesk.task.ledger;

import java.util.UUID;

/**
 * What a ledger query filters on; null fields do not filter. {@code unit} matches a task the unit leads,
 * co-leads or takes part in, {@code scope} the same for the unit a unit officer is confined to.
 * {@code responsiblePerson} and {@code responsibleLeader} match the task's 责任人 and 责任领导; {@code mine}
 * ("my tasks") a task whose responsible person or responsible leader is that person.
 */
public record LedgerFilter(TaskStatus status, Timeliness timeliness, UUID leadUnit, UUID unit, UUID group,
        String area, TaskOrigin origin, Integer year, Boolean rigid, String text, String tag, UUID scope,
        UUID responsiblePerson, UUID responsibleLeader, UUID mine) {
}
