package org.reformdesk.notification.rules;

import java.util.List;
import java.util.UUID;

/** A place in the responsibility chain that a rule sends a reminder to. */
enum Recipient {
    /** 责任人, named by the event. */
    RESPONSIBLE_PERSON,
    /** 责任领导: named by the event, else the head of the unit's special group. */
    RESPONSIBLE_LEADER,
    /** The head (一把手) of the unit the occasion concerns. */
    UNIT_HEAD,
    /** The liaison (联络员) of the unit the occasion concerns: gets copies. */
    UNIT_LIAISON,
    /** The liaison of the special group the unit belongs to. */
    GROUP_LIAISON,
    /** The reform office (改革办): the head and liaison of each reform-office unit, who decide what waits for it. */
    REFORM_OFFICE;

    List<UUID> resolve(Occasion occasion, Responsibilities chain) {
        return switch (this) {
            case RESPONSIBLE_PERSON -> occasion.responsiblePersonId() == null ? List.of()
                    : List.of(occasion.responsiblePersonId());
            case RESPONSIBLE_LEADER -> occasion.responsibleLeaderId() != null ? List.of(occasion.responsibleLeaderId())
                    : chain.groupHeadsOf(occasion.unitId());
            case UNIT_HEAD -> chain.holdersOf(occasion.unitId(), Responsibilities.HEAD);
            case UNIT_LIAISON -> chain.holdersOf(occasion.unitId(), Responsibilities.LIAISON);
            case GROUP_LIAISON -> chain.groupLiaisonsOf(occasion.unitId());
            case REFORM_OFFICE -> chain.reformOffice();
        };
    }
}
