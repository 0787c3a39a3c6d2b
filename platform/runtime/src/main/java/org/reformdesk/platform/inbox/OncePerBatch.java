package org.reformdesk.platform.inbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a consumer needs once per delivered batch rather than once per event. Effects: a category re-ranked (and its
 * rank changes announced) once after the batch's 500 scores moved, not 500 times. In the inbox's transaction for a
 * batch, an effect registered under a key runs once, after every event of the batch is applied and before it
 * commits; keys run in their natural order, so two batches that take the same locks take them in the same order.
 * Values: reference data the batch's events read but do not change (the working calendar, the scheme in force, a
 * unit's category) is read once per batch, not once per event. In any other transaction (a request, a sweep) an
 * effect runs at once and a value is read each time, as if it were a batch of one.
 */
@Singleton
public class OncePerBatch {

    private static final String VALUES = OncePerBatch.class.getName() + ".values";
    private static final String EVENTS = OncePerBatch.class.getName() + ".events";

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

    /**
     * The value under {@code key}, read by {@code read} the first time this batch asks. Only for data the batch's own
     * events do not change, or that the caller keeps current itself (inspection adds the subject of each order it
     * issues to the batch's subjects with an open order): a change made later in the batch is not seen.
     */
    @SuppressWarnings("unchecked")
    public <T> T value(String key, Supplier<T> read) {
        Map<String, Object> values = transaction.getTransactionKey() == null ? null
                : (Map<String, Object>) transaction.getResource(VALUES);
        if (values == null) {
            return read.get();
        }
        if (!values.containsKey(key)) {
            values.put(key, read.get());
        }
        return (T) values.get(key);
    }

    /**
     * The events this batch handles, in order; none outside a batch. A value can be read for all of them at once,
     * e.g. which of their subjects have an open order.
     */
    @SuppressWarnings("unchecked")
    public List<IncomingEvent> events() {
        return transaction.getTransactionKey() == null || transaction.getResource(EVENTS) == null ? List.of()
                : (List<IncomingEvent>) transaction.getResource(EVENTS);
    }

    void open(List<IncomingEvent> events) {
        transaction.putResource(OncePerBatch.class, new TreeMap<String, Runnable>());
        transaction.putResource(VALUES, new HashMap<String, Object>());
        transaction.putResource(EVENTS, List.copyOf(events));
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
