package org.reformdesk.notification.inbox;

import org.reformdesk.events.TaskOverdue;

/** The words of a reminder, in the office's own language (zh-CN). */
final class ReminderText {

    record Text(String title, String body) {
    }

    private ReminderText() {
    }

    static Text overdue(TaskOverdue overdue) {
        return new Text("任务逾期提醒：" + overdue.code(),
                "您负责的改革任务【" + overdue.code() + " " + overdue.title() + "】已超过完成时限（" + overdue.deadline()
                        + "），请抓紧推进，并及时向改革办报送进展。");
    }
}
