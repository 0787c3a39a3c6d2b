package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.directory.Contact;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.platform.time.ServiceClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends 温馨短信 through an HTTP SMS gateway shaped like Alibaba Cloud's SendSms (RPC style, HMAC-SHA1 signed
 * parameters, a JSON answer whose {@code Code} is {@code OK} on success). One small POST per message, so the
 * JDK's HTTP client does it without pulling in a vendor SDK or a REST-client extension.
 */
@ApplicationScoped
public class SmsGateway implements ReminderChannel {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    SmsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Optional<String> unavailable() {
        if (!config.enabled()) {
            return Optional.of("SMS is not configured (reform.channels.sms.enabled is false)");
        }
        if (config.endpoint().isEmpty() || config.accessKeyId().isEmpty() || config.accessKeySecret().isEmpty()
                || config.signName().isEmpty() || config.templateCode().isEmpty()) {
            return Optional.of("SMS is enabled but its endpoint, keys, sign name or template code are not set");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.phone());
    }

    @Override
    public void send(Outgoing message) throws ChannelFailure {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", config.accessKeyId().orElseThrow());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("RegionId", config.regionId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        parameters.put("Version", "2017-05-25");
        parameters.put("PhoneNumbers", message.address());
        parameters.put("SignName", config.signName().orElseThrow());
        parameters.put("TemplateCode", config.templateCode().orElseThrow());
        parameters.put("TemplateParam", templateParam(message));
        parameters.put("OutId", message.reminderId().toString());
        String canonical = canonical(parameters);
        String signature = sign("POST&" + encode("/") + "&" + encode(canonical),
                config.accessKeySecret().orElseThrow() + "&");
        String form = "Signature=" + encode(signature) + "&" + canonical;

        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(config.endpoint().orElseThrow())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChannelFailure("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure("Interrupted while sending an SMS", e);
        }
        String code = code(response.body());
        if (response.statusCode() / 100 != 2 || !"OK".equals(code)) {
            throw new ChannelFailure("SMS gateway answered HTTP " + response.statusCode()
                    + (code == null ? "" : " " + code + ": " + message(response.body())));
        }
    }

    private String templateParam(Outgoing message) {
        try {
            return json.writeValueAsString(Map.of("title", message.title(), "body", message.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String code(String body) {
        return field(body, "Code");
    }

    private String message(String body) {
        return field(body, "Message");
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.hasNonNull(name) ? node.get(name).asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String canonical(Map<String, String> sortedParameters) {
        return sortedParameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Percent-encoding as the signature wants it (RFC 3986: space as %20, * encoded, ~ kept). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String sign(String stringToSign, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
