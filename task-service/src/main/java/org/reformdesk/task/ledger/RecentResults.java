package org.reformdesk.task.ledger;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Results of expensive ledger counts, reused for a short while. A dashboard (作战图) polled by many people, or a
 * partner paging through the ledger, would otherwise scan every task on every request: over 100,000 tasks that is
 * a quarter of a second of the database's CPU each time.
 * <ul>
 *   <li>A result is reused for at most {@code maxAge} after its computation began. After that the first request
 *       starts a recount on the {@code recounter} and, like every request until it is done, gets the previous
 *       result: no dashboard waits for a recount of a result it has had (under 20 people's battle maps, a fifth
 *       of them waited a few hundred milliseconds for one when the first request counted itself).</li>
 *   <li>{@link #changed()} discards every result at once: a change in this process is seen by the next request.
 *       Changes made elsewhere (another replica) show within {@code maxAge}.</li>
 *   <li>Concurrent requests for a result nobody has yet wait for one computation instead of each running it.</li>
 * </ul>
 */
final class RecentResults {

    /** Enough for every filter a city's users and partners ask for; beyond it the results start over. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(CompletableFuture<Object> value, long startedAt, long generation, Object previous) {
    }

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private static final Logger LOG = Logger.getLogger(RecentResults.class.getName());

    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Executor recounter;

    /** {@code recounter} runs the recount of an expired result; {@code compute} must work on its threads. */
    RecentResults(Duration maxAge, LongSupplier nanoTime, Executor recounter) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.recounter = recounter;
    }

    /**
     * The result for {@code key}: a recent one; the previous one while it is recounted; or, when there is none
     * (a new key, or the ledger changed), {@code compute}'s, run on the calling thread.
     */
    @SuppressWarnings("unchecked")
    <V> V get(Object key, Supplier<V> compute) {
        while (true) {
            long now = nanoTime.getAsLong();
            long current = generation.get();
            Entry seen = entries.get(key);
            if (seen != null && seen.generation == current) {
                if (now - seen.startedAt < maxAgeNanos) {
                    return seen.value.isDone() || seen.previous == null ? (V) join(seen.value) : (V) seen.previous;
                }
                if (seen.value.isDone() && !seen.value.isCompletedExceptionally()) {
                    Object previous = seen.value.join();
                    Entry refresh = new Entry(new CompletableFuture<>(), now, current, previous);
                    if (entries.replace(key, seen, refresh)) {
                        recount(key, refresh, compute);
                        return (V) previous;
                    }
                    continue; // another request is refreshing it: look again
                }
            }
            Entry fresh = new Entry(new CompletableFuture<>(), now, current, null);
            Entry winner = entries.compute(key, (k, existing) -> existing != null && existing.generation == current
                    && now - existing.startedAt < maxAgeNanos ? existing : fresh);
            if (winner == fresh) {
                if (entries.size() > MAX_ENTRIES) {
                    entries.keySet().removeIf(k -> !k.equals(key));
                }
                return (V) compute(key, fresh, compute);
            }
        }
    }

    /** Something counted changed: no result computed before now is used again. */
    void changed() {
        generation.incrementAndGet();
    }

    private void recount(Object key, Entry entry, Supplier<?> compute) {
        try {
            recounter.execute(() -> {
                try {
                    compute(key, entry, compute);
                } catch (RuntimeException | Error e) {
                    // forgotten by compute: the next request counts on its own thread and sees the error
                    LOG.warnf(e, "recounting %s failed", key);
                }
            });
        } catch (RuntimeException refused) { // the recounter is shutting down or full: count on the next request
            entries.remove(key, entry);
        }
    }

    private Object compute(Object key, Entry entry, Supplier<?> compute) {
        try {
            Object value = compute.get();
            entry.value.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            entries.remove(key, entry);
            entry.value.completeExceptionally(e);
            throw e;
        }
    }

    private static Object join(CompletableFuture<Object> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
