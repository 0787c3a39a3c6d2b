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
    MONTH_PUBLISHED,
    /** 延期申请待审批: a lead unit asked for more time; repeats to the reform office until it decides. */
    EXTENSION_REQUESTED,
    /** 延期申请审批结果: the reform office approved or rejected a request; to whoever asked. */
    EXTENSION_DECIDED,
    /** 任务调整: a task was handed to a new lead unit or responsible person; to the new holders. */
    TASK_REASSIGNED,
    /** 进展报送提示: the monthly progress report is due in a few days and not in yet. */
    REPORT_DUE_SOON,
    /** 试点总结提示: a pilot's periodic summary is due in a few days and not in yet. */
    PILOT_SUMMARY_DUE_SOON,
    /** 限时整改提示: a rectification item is due in a few days and not verified yet. */
    RECTIFICATION_DUE_SOON
}
