package org.reformdesk.notification.delivery;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP SMS gateway on a local port that answers like Alibaba Cloud's SMS API: {@code Code: OK}, or HTTP 500 for
 * a number told to fail (a number of times, or for good), or the code a number is told to get. It records every
 * request: its parameters (query and form), headers, path and raw body.
 */
final class LocalSmsGateway {

    /** Kept in a system property because the test profile and the test see this class in different class loaders. */
    private static final String PORT = "reform.test.sms-gateway-port";
    private static LocalSmsGateway running;

    private final HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

    private LocalSmsGateway(HttpServer server) {
        this.server = server;
    }

    /** The gateway's URL for the service's configuration: a free port, the same for every class loader. */
    static synchronized String url() {
        String port = System.getProperty(PORT);
        if (port == null) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                port = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(PORT, port);
        }
        return "http://127.0.0.1:" + port + "/";
    }

    /** The gateway at {@link #url()}, started on first use by the test. */
    static synchronized LocalSmsGateway instance() {
        if (running == null) {
            url();
            running = start(Integer.parseInt(System.getProperty(PORT)));
        }
        return running;
    }

    private static LocalSmsGateway start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            LocalSmsGateway gateway = new LocalSmsGateway(server);
            server.createContext("/", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> parameters = parse(form);
                // the SDK sends some parameters in the query and signs the request in a header
                String query = exchange.getRequestURI().getRawQuery();
                parameters.putAll(parse(query == null ? "" : query));
                exchange.getRequestHeaders().forEach((name, values) -> parameters.put(name, values.get(0)));
                parameters.put("path", exchange.getRequestURI().getPath());
                parameters.put("raw", form);
                gateway.received.add(parameters);
                String phone = parameters.getOrDefault("PhoneNumbers", "");
                int left = gateway.failuresLeft.getOrDefault(phone, 0);
                boolean fail = left != 0;
                if (left > 0) {
                    gateway.failuresLeft.put(phone, left - 1);
                }
                byte[] body = (fail ? "{\"Code\":\"isp.SYSTEM_ERROR\",\"Message\":\"gateway down\"}"
                        : "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"1\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code times} messages to this number fail; -1 fails all of them. */
    void failFor(String phone, int times) {
        failuresLeft.put(phone, times);
    }

    List<Map<String, String>> sentTo(String phone) {
        return received.stream().filter(p -> phone.equals(p.get("PhoneNumbers"))).toList();
    }


    private static Map<String, String> parse(String form) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
