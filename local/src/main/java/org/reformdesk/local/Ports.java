package org.reformdesk.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for services and brokers started by tests and benchmarks. */
public final class Ports {

    /**
     * Below Linux's ephemeral range (32768–60999 by default). A port the kernel hands out for {@code new
     * ServerSocket(0)} is in that range, and in the seconds until a JVM binds it an outgoing connection (a Kafka
     * client, a JDBC pool) may be given the same port as its local end: the service then fails with "port in use".
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private Ports() {
    }

    /** A port nothing listens on now, outside the range the kernel picks outgoing ports from. */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // someone has it: try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
    }
}
