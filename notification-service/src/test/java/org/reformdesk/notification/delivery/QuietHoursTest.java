package org.reformdesk.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CITY).toInstant();
    }

    @Test
    void aMessageDueAtThreeInTheMorningGoesOutAtEight() {
        assertThat(night.heldUntil(at("2026-04-01T03:00"), CITY)).contains(at("2026-04-01T08:00"));
    }

    @Test
    void aMessageDueLateInTheEveningWaitsForTheNextMorning() {
        assertThat(night.heldUntil(at("2026-04-01T22:30"), CITY)).contains(at("2026-04-02T08:00"));
    }

    @Test
    void theWorkingDayIsNotQuiet() {
        assertThat(night.heldUntil(at("2026-04-01T08:00"), CITY)).isEmpty();
        assertThat(night.heldUntil(at("2026-04-01T21:59"), CITY)).isEmpty();
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyWindowWork() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.heldUntil(at("2026-04-01T12:30"), CITY)).contains(at("2026-04-01T14:00"));
        assertThat(lunch.heldUntil(at("2026-04-01T23:00"), CITY)).isEmpty();
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).heldUntil(at("2026-04-01T03:00"), CITY))
                .isEmpty();
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheCapThenGiveUp() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(1));
        Instant now = at("2026-04-01T10:00");

        assertThat(policy.retryAt(1, now)).contains(now.plusSeconds(30));
        assertThat(policy.retryAt(2, now)).contains(now.plusSeconds(60));
        assertThat(policy.retryAt(3, now)).contains(now.plusSeconds(60));
        assertThat(policy.retryAt(5, now)).isEmpty();
    }
}
