package org.reformdesk.notification.inbox;

/** What a reminder is about. */
public enum ReminderKind {
    /** 任务逾期: the task passed its deadline. */
    TASK_OVERDUE
}
