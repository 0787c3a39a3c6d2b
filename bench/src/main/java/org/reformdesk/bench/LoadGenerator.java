package org.reformdesk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate whether or not earlier ones have been
 * answered, and its latency runs from when it was due, so a slow answer is not hidden by sending the next
 * request later (coordinated omission).
 */
final class LoadGenerator {

    /** One kind of request and its share of the mix. */
    record Kind(String name, int weight, List<HttpRequest> requests) {
    }

    /**
     * What a run saw, per kind. A request not answered within its timeout counts in {@code timedOut} and in its
     * kind's latencies at the timeout (a lower bound), so an overloaded server shows in the percentiles rather
     * than vanishing from them; {@code shed} are the 503 answers of a server shedding load (answered at once, so kept
     * out of the latencies, which they would flatter); {@code failed} are the answers other than 200 and 503 and errors
     * other than timeouts.
     */
    record Result(Map<String, Latencies> latencies, int sent, int timedOut, int shed, int failed, double achievedRate,
            List<String> failures) {
    }

    /**
     * Requests in flight at most: each holds a socket here and one in the server, and a server that answers nothing
     * for 30 s at 500/s would otherwise have this process open 15,000 (on 2026-11-27 it ran out of file descriptors).
     * A request beyond them waits for one to finish; its latency still runs from when it was due.
     */
    private static final int MAX_IN_FLIGHT = 2_000;

    /** Service Unavailable: what a service shedding load answers, with Retry-After. */
    static final int SHED = 503;

    private final HttpClient http;

    LoadGenerator(HttpClient http) {
        this.http = http;
    }

    Result run(List<Kind> kinds, int ratePerSecond, int seconds) {
        int total = ratePerSecond * seconds;
        int weights = kinds.stream().mapToInt(Kind::weight).sum();
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        kinds.forEach(kind -> latencies.put(kind.name(), new Latencies()));
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Kind kind = pick(kinds, (int) ((i * 7919L) % weights));
            HttpRequest request = kind.requests().get(i % kind.requests().size());
            Latencies of = latencies.get(kind.name());
            long timeout = request.timeout().orElseThrow().toNanos();
            if (!acquire(inFlight, due + timeout - System.nanoTime())) {
                timedOut.incrementAndGet(); // waited for a connection until it would have timed out
                of.add(timeout / 1_000);
                answers[i] = CompletableFuture.completedFuture(null);
                continue;
            }
            answers[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
                inFlight.release();
                if (e instanceof HttpTimeoutException || e != null && e.getCause() instanceof HttpTimeoutException) {
                    timedOut.incrementAndGet();
                    of.add(request.timeout().orElseThrow().toNanos() / 1_000);
                } else if (e == null && response.statusCode() == SHED) {
                    shed.incrementAndGet();
                } else if (e != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add(kind.name() + ": " + (e != null ? e.toString() : "HTTP " + response.statusCode()));
                    }
                } else {
                    of.add((System.nanoTime() - due) / 1_000);
                }
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(answers).exceptionally(e -> null).join();
        return new Result(latencies, total, timedOut.get(), shed.get(), failed.get(), total / sendSeconds,
                List.copyOf(failures));
    }

    private static boolean acquire(Semaphore permits, long withinNanos) {
        try {
            return permits.tryAcquire(Math.max(0, withinNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }

    private static Kind pick(List<Kind> kinds, int ticket) {
        for (Kind kind : kinds) {
            if (ticket < kind.weight()) {
                return kind;
            }
            ticket -= kind.weight();
        }
        throw new IllegalStateException("ticket beyond the weights");
    }
}
