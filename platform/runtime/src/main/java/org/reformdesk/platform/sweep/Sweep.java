package org.reformdesk.platform.sweep;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a scheduled sweep walks its candidates: in pages in key order, each page in a transaction of its own, until one
 * comes back short. A page commits its signals and its events together, so a sweep that dies loses at most the page
 * under way, which the next run sweeps again. Pages go by key rather than by "not signalled yet": the planner, its
 * statistics behind the thousands of signals a year-end sweep inserts, chose to compare every candidate with every
 * signal, and the burst's sweep grew quadratic (a third of PostgreSQL's time).
 */
public final class Sweep {

    /** What one page did: how many candidates it held, how many of them it emitted for, and its last one's key. */
    public record Page<K>(int size, int emitted, K last) {
    }

    /** What the pages of one walk did together: the candidates they held and how many they emitted for. */
    public record Swept(int candidates, int emitted) {
    }

    private Sweep() {
    }

    /**
     * Runs {@code page} from the key {@code first} on, each page in a new transaction and after the last key of the one
     * before, until a page holds fewer than {@code batch} candidates.
     */
    public static <K> Swept inPages(K first, int batch, Function<K, Page<K>> page) {
        return inPages(first, batch, page, run -> QuarkusTransaction.requiringNew().call(run::get));
    }

    /** As {@link #inPages(Object, int, Function)}, each page run by {@code transaction}. */
    static <K> Swept inPages(K first, int batch, Function<K, Page<K>> page,
            Function<Supplier<Page<K>>, Page<K>> transaction) {
        int candidates = 0;
        int emitted = 0;
        K after = first;
        Page<K> done;
        do {
            K from = after;
            done = transaction.apply(() -> page.apply(from));
            candidates += done.size();
            emitted += done.emitted();
            after = done.last();
        } while (done.size() == batch);
        return new Swept(candidates, emitted);
    }
}
