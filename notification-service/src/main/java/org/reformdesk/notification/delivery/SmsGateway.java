package org.reformdesk.notification.delivery;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends 温馨短信 through Alibaba Cloud's own SDK ({@code dysmsapi20170525}): the SDK signs the request and reports the
 * service's error codes, which {@link SmsErrors} maps onto the retry policy.
 */
@ApplicationScoped
class SmsGateway implements ReminderChannel {

    @Inject
    SmsConfig config;

    @Inject
    ObjectMapper json;

    private volatile Client client;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("SMS is not configured (reform.channels.sms.enabled is false)");
        }
        if (config.accessKeyId().isEmpty() || config.accessKeySecret().isEmpty() || config.signName().isEmpty()
                || config.templateCode().isEmpty()) {
            return Optional.of("SMS is enabled but its access key, sign name or template code are not set");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.phone());
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        SendSmsRequest request = new SendSmsRequest()
                .setPhoneNumbers(message.address())
                .setSignName(config.signName().orElseThrow())
                .setTemplateCode(config.templateCode().orElseThrow())
                .setTemplateParam(templateParam(message))
                .setOutId(message.reminderId().toString());
        int timeout = (int) config.timeout().toMillis();
        SendSmsResponse response;
        try {
            response = client().sendSmsWithOptions(request, new RuntimeOptions().setConnectTimeout(timeout)
                    .setReadTimeout(timeout).setAutoretry(false));
        } catch (TeaException e) {
            throw SmsErrors.failure(e.getStatusCode(), e.getCode(), e.getMessage());
        } catch (Exception e) {
            throw new ChannelFailure("SMS service unreachable: " + e.getMessage(), e);
        }
        String code = response.getBody() == null ? null : response.getBody().getCode();
        if (!"OK".equals(code)) {
            throw SmsErrors.failure(response.getStatusCode(), code,
                    response.getBody() == null ? null : response.getBody().getMessage());
        }
    }

    private Client client() throws Exception {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = new Client(new com.aliyun.teaopenapi.models.Config()
                            .setAccessKeyId(config.accessKeyId().orElseThrow())
                            .setAccessKeySecret(config.accessKeySecret().orElseThrow())
                            .setRegionId(config.regionId())
                            .setProtocol(config.endpoint().getScheme())
                            .setEndpoint(config.endpoint().getAuthority()));
                }
            }
        }
        return client;
    }

    private String templateParam(Outgoing message) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("title", Cut.toCharacters(message.title(), config.maxVariableLength()));
        variables.put("body", Cut.toCharacters(message.body(), config.maxVariableLength()));
        try {
            return json.writeValueAsString(variables);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
