package org.reformdesk.inspection.orders;

/** What caused an order. */
enum OrderOrigin {
    /** A task passed its deadline. */
    TASK_OVERDUE,
    /** A monthly progress report was not in by its due day. */
    REPORT_OVERDUE,
    /** A pilot's periodic summary was not in by its due date. */
    PILOT_SUMMARY_OVERDUE,
    /** A leader's written instruction (领导批示), recorded as the order's basis. */
    LEADER_INSTRUCTION,
    /** The order below it got no accepted answer by its reply-by date. */
    ESCALATION
}
