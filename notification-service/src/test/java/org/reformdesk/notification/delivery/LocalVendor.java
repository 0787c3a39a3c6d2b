package org.reformdesk.notification.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Plumbing of the local fakes of the vendors' services (plain JDK HTTP servers): a port per fake chosen once per JVM
 * and kept in a system property, because the test profile and the test see the classes in different class loaders.
 */
final class LocalVendor {

    private LocalVendor() {
    }

    /** The fake's base URL, its port free and the same for every class loader. */
    static synchronized String url(String name) {
        String key = "reform.test.vendor-port." + name;
        String port = System.getProperty(key);
        if (port == null) {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(key, port);
        }
        return "http://127.0.0.1:" + port;
    }

    static HttpServer serve(String name) {
        try {
            String url = url(name);
            return HttpServer.create(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(url.substring(url.lastIndexOf(':') + 1))), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        answer(exchange, status, json, Map.of());
    }

    static void answer(HttpExchange exchange, int status, String json, Map<String, String> headers)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
