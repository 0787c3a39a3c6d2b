package org.reformdesk.notification.rules;

/** What a reminder is about: one kind per event that someone must hear of (DOMAIN.md "Reminders"). */
public enum ReminderKind {
    /** 提示卡片: a task or milestone is days from its due date. */
    TASK_DUE_SOON,
    /** 任务逾期: the task passed its deadline; repeats until the task is closed. */
    TASK_OVERDUE,
    /** 节点逾期: a milestone passed its date. */
    MILESTONE_OVERDUE,
    /** 进展报送逾期: the monthly progress report is not in. */
    REPORT_OVERDUE,
    /** 督办单下达: a supervision order reached the unit. */
    ORDER_ISSUED,
    /** 督办升级: an order moved one rung up the ladder; the responsible leader is copied. */
    ORDER_ESCALATED,
    /** 试点总结逾期: a pilot's periodic summary (四个一) is not in. */
    PILOT_SUMMARY_OVERDUE,
    /** 整改逾期: a rectification item passed its deadline. */
    RECTIFICATION_OVERDUE,
    /** 一月一通报: the month's ranking was published. */
    MONTH_PUBLISHED
}
