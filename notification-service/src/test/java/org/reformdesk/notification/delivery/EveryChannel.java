package org.reformdesk.notification.delivery;

import com.interaso.webpush.VapidKeys;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Every channel configured against a local fake of its vendor: SMS (Alibaba Cloud's API), e-mail (the mock
 * mailbox), Web Push (a push service), FCM (Google's token and send endpoints), WeCom and DingTalk. One profile for
 * every channel test, so Quarkus starts once for them.
 */
public class EveryChannel implements QuarkusTestProfile {

    /** One VAPID key pair per JVM; the public half is what GET /api/v1/me/push-subscriptions/vapid-key answers. */
    private static final VapidKeys VAPID = VapidKeys.Factory.generate();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("reform.channels.sms.enabled", "true"),
                Map.entry("reform.channels.sms.endpoint", LocalSmsGateway.url()),
                Map.entry("reform.channels.sms.access-key-id", "test-key"),
                Map.entry("reform.channels.sms.access-key-secret", "test-secret"),
                Map.entry("reform.channels.sms.sign-name", "市委改革办"),
                Map.entry("reform.channels.sms.template-code", "SMS_0001"),
                Map.entry("reform.channels.web-push.enabled", "true"),
                Map.entry("reform.channels.web-push.subject", "mailto:reform-office@example.org"),
                Map.entry("reform.channels.web-push.public-key",
                        LocalPushService.b64(VAPID.getApplicationServerKey())),
                Map.entry("reform.channels.web-push.private-key", LocalPushService.b64(
                        LocalPushServiceKeys.scalar(VAPID.getPrivateKey()))),
                Map.entry("reform.channels.web-push.allowed-hosts", "127.0.0.1"),
                Map.entry("reform.channels.web-push.require-https", "false"),
                Map.entry("reform.channels.push.enabled", "true"),
                Map.entry("reform.channels.push.service-account-file", LocalFcm.serviceAccountFile().toString()),
                Map.entry("reform.channels.push.endpoint", LocalFcm.url()),
                Map.entry("reform.channels.wecom.enabled", "true"),
                Map.entry("reform.channels.wecom.base-url", LocalWorkMessengers.wecomUrl()),
                Map.entry("reform.channels.wecom.corp-id", LocalWorkMessengers.CORP_ID),
                Map.entry("reform.channels.wecom.agent-id", Integer.toString(LocalWorkMessengers.AGENT_ID)),
                Map.entry("reform.channels.wecom.secret", LocalWorkMessengers.WECOM_SECRET),
                Map.entry("reform.channels.dingtalk.enabled", "true"),
                Map.entry("reform.channels.dingtalk.endpoint", LocalWorkMessengers.dingtalkUrl()),
                Map.entry("reform.channels.dingtalk.app-key", LocalWorkMessengers.APP_KEY),
                Map.entry("reform.channels.dingtalk.app-secret", LocalWorkMessengers.APP_SECRET),
                Map.entry("reform.console.base-url", "https://reform.example.org/"),
                Map.entry("reform.delivery.attempts", "3"));
    }
}
