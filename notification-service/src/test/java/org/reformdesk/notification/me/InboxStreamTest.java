package org.reformdesk.notification.me;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;
import org.reformdesk.notification.reminders.ReminderView;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboxStreamTest {

    @Test
    void remindersArrivingTogetherWaitForASlowReaderInsteadOfBreakingItsStream() {
        InboxStream stream = new InboxStream();
        UUID person = UUID.randomUUID();
        AssertSubscriber<ReminderView> reader = stream.of(person).subscribe().withSubscriber(AssertSubscriber.create(1));

        stream.offer(reminder(person, "任务逾期提醒"));
        stream.offer(reminder(UUID.randomUUID(), "someone else's"));
        stream.offer(reminder(person, "督办提醒"));
        reader.request(1);

        reader.assertNotTerminated();
        assertThat(reader.getItems()).extracting(ReminderView::title).containsExactly("任务逾期提醒", "督办提醒");
    }

    private static ReminderView reminder(UUID recipient, String title) {
        return new ReminderView(UUID.randomUUID(), recipient, null, UUID.randomUUID(), "occasion", null, title, "body",
                "zh-CN", null, 0, null, null, null, null, null);
    }
}
