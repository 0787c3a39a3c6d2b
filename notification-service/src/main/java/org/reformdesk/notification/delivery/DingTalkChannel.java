package org.reformdesk.notification.delivery;

import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponse;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTORequest;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.time.ServiceClock;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends reminders to DingTalk through its maintained SDK ({@code com.aliyun:dingtalk}): an action card with a link
 * to the console, one to one from the city application's robot ({@code /v1.0/robot/oToMessages/batchSend}). The
 * legacy 工作通知 API (corpconversation) is not in the maintained SDK; the robot's one-to-one message is its
 * successor and arrives the same way, in the person's chat with the application. The SDK does not keep the access
 * token, so this channel does, renewing it {@code refresh-margin} before it expires by the service clock; DingTalk
 * gives every replica the same token within its validity.
 */
@ApplicationScoped
class DingTalkChannel implements ReminderChannel {

    /** DingTalk asks for no particular wait when it throttles. */
    private static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    @Inject
    DingTalkConfig config;

    @Inject
    ServiceClock clock;

    @Inject
    ObjectMapper json;

    private volatile com.aliyun.dingtalkoauth2_1_0.Client oauth;
    private volatile com.aliyun.dingtalkrobot_1_0.Client robot;
    private AccessToken token;

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("DingTalk is not configured (reform.channels.dingtalk.enabled is false)");
        }
        if (config.appKey().isEmpty() || config.appSecret().isEmpty()) {
            return Optional.of("DingTalk is enabled but its app key or app secret is not set");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.dingtalkUserId());
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        BatchSendOTORequest request = new BatchSendOTORequest()
                .setRobotCode(config.robotCode().orElse(config.appKey().orElseThrow()))
                .setUserIds(List.of(message.address()))
                .setMsgKey("sampleActionCard")
                .setMsgParam(card(message));
        BatchSendOTOResponseBody answer;
        try {
            answer = robot().batchSendOTOWithOptions(request,
                    new BatchSendOTOHeaders().setXAcsDingtalkAccessToken(accessToken()), runtime()).getBody();
        } catch (TeaException e) {
            throw failure(e);
        } catch (ChannelFailure e) {
            throw e;
        } catch (Exception e) {
            throw new ChannelFailure("DingTalk unreachable: " + e.getMessage(), e);
        }
        if (answer != null && answer.getInvalidStaffIdList() != null
                && answer.getInvalidStaffIdList().contains(message.address())) {
            throw ChannelFailure.permanent("DingTalk does not know the userId " + message.address()
                    + " (invalidStaffIdList)");
        }
        if (answer != null && answer.getFlowControlledStaffIdList() != null
                && answer.getFlowControlledStaffIdList().contains(message.address())) {
            throw ChannelFailure.retryAfter("DingTalk held the message back: flow control on userId "
                    + message.address() + " (flowControlledStaffIdList)", RATE_LIMIT_WAIT);
        }
    }

    /** 401: the token went bad, fetch another next time; 429 and throttling codes: wait; other 4xx: permanent. */
    private ChannelFailure failure(TeaException e) {
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        String code = e.getCode() == null ? "" : e.getCode();
        String reason = "DingTalk answered " + (status == 0 ? "" : "HTTP " + status + " ") + code + ": "
                + e.getMessage();
        if (status == 401 || code.startsWith("InvalidAuthentication")) {
            synchronized (this) {
                token = null;
            }
            return new ChannelFailure(reason);
        }
        if (status == 429 || code.contains("QpsLimit") || code.contains("Throttling")) {
            return ChannelFailure.retryAfter(reason, RATE_LIMIT_WAIT);
        }
        if (status >= 400 && status < 500) {
            return ChannelFailure.permanent(reason);
        }
        return new ChannelFailure(reason);
    }

    private String card(Outgoing message) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("title", message.title());
        card.put("text", "### " + message.title() + "\n\n" + message.body());
        card.put("singleTitle", message.language().startsWith("en") ? "Open the console" : "查看详情");
        card.put("singleURL", message.link().toString());
        try {
            return json.writeValueAsString(card);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The access token, fetched again {@code refresh-margin} before it expires. */
    private synchronized String accessToken() throws Exception {
        if (token == null || !token.freshAt(clock.instant(), config.refreshMargin())) {
            GetAccessTokenResponse answer = oauth().getAccessToken(new GetAccessTokenRequest()
                    .setAppKey(config.appKey().orElseThrow()).setAppSecret(config.appSecret().orElseThrow()));
            token = AccessToken.fetched(answer.getBody().getAccessToken(), clock.instant(),
                    Duration.ofSeconds(answer.getBody().getExpireIn()));
        }
        return token.value();
    }

    private RuntimeOptions runtime() {
        int timeout = (int) config.timeout().toMillis();
        return new RuntimeOptions().setConnectTimeout(timeout).setReadTimeout(timeout).setAutoretry(false);
    }

    private Config sdkConfig() {
        return new Config().setProtocol(config.endpoint().getScheme()).setEndpoint(config.endpoint().getAuthority())
                .setRegionId("central").setReadTimeout((int) config.timeout().toMillis())
                .setConnectTimeout((int) config.timeout().toMillis());
    }

    private com.aliyun.dingtalkoauth2_1_0.Client oauth() throws Exception {
        if (oauth == null) {
            oauth = new com.aliyun.dingtalkoauth2_1_0.Client(sdkConfig());
        }
        return oauth;
    }

    private com.aliyun.dingtalkrobot_1_0.Client robot() throws Exception {
        if (robot == null) {
            robot = new com.aliyun.dingtalkrobot_1_0.Client(sdkConfig());
        }
        return robot;
    }
}
