package org.reformdesk.notification.delivery;

import org.junit.jupiter.api.Test;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPreferencesTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final QuietHours OFFICE = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    @Test
    void aChannelTurnedOffForOneKindStaysOnForTheOthersAndForKindsAddedLater() {
        DeliveryPreferences choices = new DeliveryPreferences(OFFICE, false, Optional.empty(),
                Set.of(new DeliveryPreferences.OptOut(ReminderKind.TASK_DUE_SOON, Channel.SMS)));
        assertThat(choices.wants(ReminderKind.TASK_DUE_SOON, Channel.SMS)).isFalse();
        assertThat(choices.wants(ReminderKind.TASK_DUE_SOON, Channel.WECOM)).isTrue();
        assertThat(choices.wants(ReminderKind.REPORT_OVERDUE, Channel.SMS)).isTrue();
    }

    @Test
    void theDigestGoesOutAtItsNextTimeTodayOrTomorrow() {
        DeliveryPreferences choices = new DeliveryPreferences(OFFICE, false, Optional.of(LocalTime.of(18, 0)), Set.of());
        Instant morning = Instant.parse("2026-04-01T02:00:00Z");
        assertThat(choices.nextDigest(morning, CITY)).contains(Instant.parse("2026-04-01T10:00:00Z"));
        Instant evening = Instant.parse("2026-04-01T11:00:00Z");
        assertThat(choices.nextDigest(evening, CITY)).contains(Instant.parse("2026-04-02T10:00:00Z"));
        assertThat(DeliveryPreferences.officeDefaults(OFFICE).nextDigest(morning, CITY)).isEmpty();
    }
}
