package org.reformdesk.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sends reminders as WeCom application messages (a text card with a link to the console) through weixin-java-cp,
 * which fetches the access token, keeps it, and fetches it again when it expires or WeCom says it is invalid.
 * WeCom hands out the same token to every replica within its validity, so each replica keeping its own is fine.
 */
@ApplicationScoped
class WeComChannel implements ReminderChannel {

    /** 81013 user, party and tag all invalid; 60111 userid not found; 40003 invalid userid. */
    private static final Set<Integer> UNKNOWN_USER = Set.of(81013, 60111, 40003);
    /** 45009 API frequency limit; 45033 too many concurrent calls; 45011 API minute-quota. WeCom names no wait. */
    private static final Set<Integer> RATE_LIMITED = Set.of(45009, 45033, 45011);
    private static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    /** A text card's title and description limits, in bytes. */
    private static final int TITLE_BYTES = 128;
    private static final int DESCRIPTION_BYTES = 512;

    @Inject
    WeComConfig config;

    @Inject
    ServiceClock clock;

    private volatile WxCpService service;

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("WeCom is not configured (reform.channels.wecom.enabled is false)");
        }
        if (config.corpId().isEmpty() || config.agentId().isEmpty() || config.secret().isEmpty()) {
            return Optional.of("WeCom is enabled but its corp id, agent id or secret is not set");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.wecomUserId());
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        WxCpMessage card = WxCpMessage.TEXTCARD().agentId(config.agentId().orElseThrow()).toUser(message.address())
                .title(Cut.toBytes(message.title(), TITLE_BYTES))
                .description(Cut.toBytes(message.body(), DESCRIPTION_BYTES))
                .url(message.link().toString())
                .btnTxt(message.language().startsWith("en") ? "Details" : "详情")
                .build();
        WxCpMessageSendResult result;
        try {
            result = service().getMessageService().send(card);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? 0 : e.getError().getErrorCode();
            String reason = "WeCom answered " + code + ": " + (e.getError() == null ? e.getMessage()
                    : e.getError().getErrorMsg());
            if (UNKNOWN_USER.contains(code)) {
                throw ChannelFailure.permanent(reason + " (userid " + message.address() + ")");
            }
            if (RATE_LIMITED.contains(code)) {
                throw ChannelFailure.retryAfter(reason, RATE_LIMIT_WAIT);
            }
            throw new ChannelFailure(reason, e);
        } catch (RuntimeException e) {
            throw new ChannelFailure("WeCom unreachable: " + e.getMessage(), e);
        }
        if (!result.getInvalidUserList().isEmpty()) {
            throw ChannelFailure.permanent("WeCom does not know the userid " + message.address()
                    + " in the application's visible range (invaliduser)");
        }
    }

    private WxCpService service() {
        if (service == null) {
            synchronized (this) {
                if (service == null) {
                    ClockedConfig storage = new ClockedConfig(clock);
                    storage.setCorpId(config.corpId().orElseThrow());
                    storage.setAgentId(config.agentId().orElseThrow());
                    storage.setCorpSecret(config.secret().orElseThrow());
                    storage.setBaseApiUrl(config.baseUrl().toString().replaceAll("/+$", ""));
                    WxCpServiceImpl impl = new WxCpServiceImpl();
                    impl.setWxCpConfigStorage(storage);
                    // the dispatcher's retry policy decides when to try again; the SDK itself tries once more, after
                    // a second, only when WeCom says it is busy (-1), and with no retry at all it would hide the
                    // error code behind "超出重试次数"
                    impl.setMaxRetryTimes(1);
                    service = impl;
                }
            }
        }
        return service;
    }

    /**
     * The SDK's token storage, reading expiry from the service clock, so tests and demos that move time see the
     * token expire; WeCom's own margin (the SDK renews 200 s early) is kept.
     */
    static final class ClockedConfig extends WxCpDefaultConfigImpl {

        private static final Duration EARLY = Duration.ofSeconds(200);
        private final transient ServiceClock clock;
        private volatile AccessToken lease;

        ClockedConfig(ServiceClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isAccessTokenExpired() {
            return getAccessToken() == null || lease == null || !lease.freshAt(clock.instant(), EARLY);
        }

        @Override
        public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
            super.updateAccessToken(accessToken, expiresInSeconds);
            lease = AccessToken.fetched(accessToken, clock.instant(), Duration.ofSeconds(expiresInSeconds));
        }

        @Override
        public void expireAccessToken() {
            super.expireAccessToken();
            lease = null;
        }
    }
}
