package org.reformdesk.platform.inbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.TreeMap;

/**
 * Effects a consumer needs once per delivered batch rather than once per event: a category re-ranked (and its rank
 * changes announced) once after the batch's 500 scores moved, not 500 times. In the inbox's transaction for a batch,
 * an effect registered under a key runs once, after every event of the batch is applied and before it commits; keys
 * run in their natural order, so two batches that take the same locks take them in the same order. In any other
 * transaction (a request, a sweep) the effect runs at once, as if it were a batch of one.
 */
@Singleton
public class OncePerBatch {

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Runs {@code effect} once for this batch under {@code key}; a later effect under the same key is dropped. */
    public void run(String key, Runnable effect) {
        TreeMap<String, Runnable> pending = pending();
        if (pending == null) {
            effect.run();
        } else {
            pending.putIfAbsent(key, effect);
        }
    }

    void open() {
        transaction.putResource(OncePerBatch.class, new TreeMap<String, Runnable>());
    }

    /** Runs what the batch registered, last thing before it commits; an effect may register another, which runs too. */
    void complete() {
        TreeMap<String, Runnable> pending = pending();
        while (!pending.isEmpty()) {
            pending.pollFirstEntry().getValue().run();
        }
    }

    @SuppressWarnings("unchecked")
    private TreeMap<String, Runnable> pending() {
        return (TreeMap<String, Runnable>) transaction.getResource(OncePerBatch.class);
    }
}
