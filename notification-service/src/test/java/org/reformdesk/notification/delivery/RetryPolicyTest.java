package org.reformdesk.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-04-01T02:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void aFailingChannelWaitsTwiceAsLongEachTimeUpToTheCap() {
        assertThat(policy.retryAt(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(policy.retryAt(3, NOW)).contains(NOW.plusSeconds(120));
        assertThat(new RetryPolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(30)).retryAt(15, NOW))
                .contains(NOW.plus(Duration.ofMinutes(30)));
        assertThat(policy.retryAt(5, NOW)).isEmpty();
    }

    @Test
    void aVendorsRateLimitIsWaitedOutEvenPastTheCapButNeverShortensTheBackoff() {
        assertThat(policy.retryAt(1, NOW, ChannelFailure.retryAfter("429", Duration.ofHours(1))))
                .contains(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.retryAt(3, NOW, ChannelFailure.retryAfter("429", Duration.ofSeconds(1))))
                .contains(NOW.plusSeconds(120));
        assertThat(policy.retryAt(5, NOW, ChannelFailure.retryAfter("429", Duration.ofSeconds(1)))).isEmpty();
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        assertThat(policy.retryAt(1, NOW, ChannelFailure.permanent("unknown userid"))).isEmpty();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        assertThat(RetryAfter.parse(java.util.Optional.of("120"), NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(java.util.Optional.of("Wed, 01 Apr 2026 02:05:00 GMT"), NOW))
                .contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse(java.util.Optional.of("soon"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(java.util.Optional.empty(), NOW)).isEmpty();
    }
}
