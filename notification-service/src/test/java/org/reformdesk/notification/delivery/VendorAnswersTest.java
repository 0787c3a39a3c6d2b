package org.reformdesk.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How vendors' answers become the retry policy's cases, and how texts are cut to their limits. */
class VendorAnswersTest {

    @Test
    void smsFlowControlWaitsTheWindowItNamesAndAWrongNumberFailsForGood() {
        assertThat(SmsErrors.failure(200, "isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5").retryAfter())
                .contains(Duration.ofHours(1));
        assertThat(SmsErrors.failure(200, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1").retryAfter())
                .contains(Duration.ofMinutes(1));
        assertThat(SmsErrors.failure(200, "isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:10").retryAfter())
                .contains(Duration.ofDays(1));
        assertThat(SmsErrors.failure(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号").permanent()).isTrue();
        ChannelFailure busy = SmsErrors.failure(500, "isp.SYSTEM_ERROR", "系统错误");
        assertThat(busy.permanent()).isFalse();
        assertThat(busy.retryAfter()).isEmpty();
        assertThat(busy.getMessage()).isEqualTo("SMS service answered HTTP 500 isp.SYSTEM_ERROR: 系统错误");
    }

    @Test
    void aMessageToSeveralDevicesIsSentWhenOneTookIt() throws ChannelFailure {
        DeviceOutcomes outcomes = new DeviceOutcomes("Push");
        outcomes.gone("a", "UNREGISTERED");
        outcomes.took();
        outcomes.conclude();
        assertThat(outcomes.failures()).containsExactly("a: UNREGISTERED");
    }

    @Test
    void noDeviceTakingItIsRetriedAfterTheLongestWaitAskedOrFailsWhenAllAreGone() {
        DeviceOutcomes later = new DeviceOutcomes("Push");
        later.later("a", "429", Optional.of(Duration.ofSeconds(30)));
        later.later("b", "503", Optional.of(Duration.ofMinutes(2)));
        later.gone("c", "410");
        assertThatThrownBy(later::conclude).isInstanceOfSatisfying(ChannelFailure.class, failure -> {
            assertThat(failure.permanent()).isFalse();
            assertThat(failure.retryAfter()).contains(Duration.ofMinutes(2));
        });
        DeviceOutcomes gone = new DeviceOutcomes("Web Push");
        gone.gone("a", "410");
        assertThatThrownBy(gone::conclude).isInstanceOfSatisfying(ChannelFailure.class, failure -> {
            assertThat(failure.permanent()).isTrue();
            assertThat(failure.getMessage()).contains("every device of the recipient is gone");
        });
    }

    @Test
    void textsAreCutToTheVendorsLimitWithoutSplittingACharacter() {
        assertThat(Cut.toCharacters("深化行政审批制度改革", 5)).isEqualTo("深化行政…");
        assertThat(Cut.toCharacters("短", 5)).isEqualTo("短");
        String cut = Cut.toBytes("深化行政审批制度改革", 16);
        assertThat(cut).isEqualTo("深化行政…");
        assertThat(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(16);
    }
}
