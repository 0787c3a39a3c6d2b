package org.reformdesk.pilot.ledger;

import java.util.EnumSet;
import java.util.Set;

/** Where a pilot is, from a lead worth pursuing to a completed pilot, and where it may go next. */
public enum PilotStatus {
    /** 试点线索/争取中 */
    CANDIDATE,
    /** Granted or approved; not yet under way. */
    APPROVED,
    IN_PROGRESS,
    /** 总结验收 */
    ACCEPTANCE,
    COMPLETED,
    /** 退出 (dynamic exit mechanism) */
    EXITED;

    /** The moves DOMAIN.md allows; exit is possible from every stage before completion. */
    public Set<PilotStatus> next() {
        return switch (this) {
            case CANDIDATE -> EnumSet.of(APPROVED, EXITED);
            case APPROVED -> EnumSet.of(IN_PROGRESS, EXITED);
            case IN_PROGRESS -> EnumSet.of(ACCEPTANCE, EXITED);
            case ACCEPTANCE -> EnumSet.of(COMPLETED, IN_PROGRESS, EXITED);
            case COMPLETED, EXITED -> EnumSet.noneOf(PilotStatus.class);
        };
    }

    public boolean canMoveTo(PilotStatus target) {
        return next().contains(target);
    }

    /** Whether the pilot owes periodic summaries (四个一) in this status. */
    public boolean owesSummaries() {
        return this == IN_PROGRESS || this == ACCEPTANCE;
    }
}
