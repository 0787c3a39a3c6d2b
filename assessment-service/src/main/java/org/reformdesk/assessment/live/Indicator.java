package org.reformdesk.assessment.live;

/** What a point was given or taken for. */
public enum Indicator {
    /** Tasks that passed their deadline (逾期任务). */
    OVERDUE_TASKS,
    /** Supervision orders received, weighted by rung (督办). */
    SUPERVISION_ORDERS,
    /** Pilot summaries ("四个一") not in by their due date. */
    LATE_PILOT_SUMMARIES
}
