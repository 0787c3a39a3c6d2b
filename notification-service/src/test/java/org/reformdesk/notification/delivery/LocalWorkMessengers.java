package org.reformdesk.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeCom's and DingTalk's token and message endpoints, for the test: a token for the configured credentials, counted,
 * valid for two hours; a message only with a token they issued; a user id they do not know is refused as the real
 * ones do (WeCom errcode 81013, DingTalk's invalidStaffIdList).
 */
final class LocalWorkMessengers {

    static final String CORP_ID = "ww-test-corp";
    static final String WECOM_SECRET = "wecom-secret";
    static final int AGENT_ID = 1000002;
    static final String APP_KEY = "ding-test-app";
    static final String APP_SECRET = "ding-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalWorkMessengers running;

    private final AtomicInteger wecomTokens = new AtomicInteger();
    private final AtomicInteger dingtalkTokens = new AtomicInteger();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> unknownUsers = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> wecomMessages = new CopyOnWriteArrayList<>();
    private final List<JsonNode> dingtalkMessages = new CopyOnWriteArrayList<>();

    static String wecomUrl() {
        return LocalVendor.url("wecom");
    }

    static String dingtalkUrl() {
        return LocalVendor.url("dingtalk");
    }

    static synchronized LocalWorkMessengers instance() {
        if (running == null) {
            running = new LocalWorkMessengers();
            HttpServer wecom = LocalVendor.serve("wecom");
            wecom.createContext("/cgi-bin/gettoken", exchange -> {
                Map<String, String> query = LocalVendor.form(exchange.getRequestURI().getRawQuery());
                if (!CORP_ID.equals(query.get("corpid")) || !WECOM_SECRET.equals(query.get("corpsecret"))) {
                    LocalVendor.answer(exchange, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                    return;
                }
                String token = "wx-" + running.wecomTokens.incrementAndGet();
                running.issued.add(token);
                LocalVendor.answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token
                        + "\",\"expires_in\":7200}");
            });
            wecom.createContext("/cgi-bin/message/send", exchange -> {
                String token = LocalVendor.form(exchange.getRequestURI().getRawQuery()).get("access_token");
                JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if (!running.issued.contains(token)) {
                    LocalVendor.answer(exchange, 200, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
                    return;
                }
                if (running.unknownUsers.contains(message.path("touser").asText())) {
                    LocalVendor.answer(exchange, 200, "{\"errcode\":81013,\"errmsg\":\"user & party & tag all "
                            + "invalid\",\"invaliduser\":\"" + message.path("touser").asText() + "\"}");
                    return;
                }
                running.wecomMessages.add(message);
                LocalVendor.answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\","
                        + "\"msgid\":\"m" + running.wecomMessages.size() + "\"}");
            });
            wecom.start();
            HttpServer dingtalk = LocalVendor.serve("dingtalk");
            dingtalk.createContext("/v1.0/oauth2/accessToken", exchange -> {
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if (!APP_KEY.equals(request.path("appKey").asText())
                        || !APP_SECRET.equals(request.path("appSecret").asText())) {
                    LocalVendor.answer(exchange, 400, "{\"code\":\"invalidClientIdOrSecret\",\"message\":\"no\"}");
                    return;
                }
                String token = "dt-" + running.dingtalkTokens.incrementAndGet();
                running.issued.add(token);
                LocalVendor.answer(exchange, 200, "{\"accessToken\":\"" + token + "\",\"expireIn\":7200}");
            });
            dingtalk.createContext("/v1.0/robot/oToMessages/batchSend", exchange -> {
                String token = exchange.getRequestHeaders().getFirst("x-acs-dingtalk-access-token");
                JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if (!running.issued.contains(token)) {
                    LocalVendor.answer(exchange, 401, "{\"code\":\"InvalidAuthentication\",\"message\":\"token\"}");
                    return;
                }
                String user = message.path("userIds").path(0).asText();
                if (running.unknownUsers.contains(user)) {
                    LocalVendor.answer(exchange, 200, "{\"processQueryKey\":\"q\",\"invalidStaffIdList\":[\"" + user
                            + "\"],\"flowControlledStaffIdList\":[]}");
                    return;
                }
                running.dingtalkMessages.add(message);
                LocalVendor.answer(exchange, 200, "{\"processQueryKey\":\"q" + running.dingtalkMessages.size()
                        + "\",\"invalidStaffIdList\":[],\"flowControlledStaffIdList\":[]}");
            });
            dingtalk.start();
        }
        return running;
    }

    void forget(String user) {
        unknownUsers.add(user);
    }

    int wecomTokens() {
        return wecomTokens.get();
    }

    int dingtalkTokens() {
        return dingtalkTokens.get();
    }

    List<JsonNode> wecomMessagesTo(String user) {
        return wecomMessages.stream().filter(m -> m.path("touser").asText().equals(user)).toList();
    }

    List<JsonNode> dingtalkMessagesTo(String user) {
        return dingtalkMessages.stream().filter(m -> m.path("userIds").path(0).asText().equals(user)).toList();
    }
}
