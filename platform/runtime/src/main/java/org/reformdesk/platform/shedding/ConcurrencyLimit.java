package org.reformdesk.platform.shedding;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * How many requests may run at once, and who has the next free place: first come, first served. It keeps no clock: a
 * waiting request decides itself when it has waited long enough and {@link #giveUp gives up}, so the rule is tested
 * without time and the server's own timers do the waiting.
 */
final class ConcurrencyLimit {

    /** A request waiting for a place; {@code admitted} runs once, on the thread that gives it the place. */
    static final class Turn {

        private final Runnable admitted;

        private Turn(Runnable admitted) {
            this.admitted = admitted;
        }
    }

    private final int places;
    private int running;
    /** Insertion order is the order of arrival; a waiter that gives up leaves from the middle in constant time. */
    private final LinkedHashSet<Turn> waiting = new LinkedHashSet<>();

    ConcurrencyLimit(int places) {
        if (places < 1) {
            throw new IllegalArgumentException("A limit of " + places + " would admit nothing");
        }
        this.places = places;
    }

    /**
     * Takes a place for a request: at once if one is free (and then runs {@code admitted} before returning), else
     * when one is freed for it, unless it gave up first. Requests wait only while every place is taken, so a free
     * place is never left to a later arrival while an earlier one waits.
     */
    Turn enter(Runnable admitted) {
        Turn turn = new Turn(admitted);
        boolean now;
        synchronized (this) {
            now = running < places;
            if (now) {
                running++;
            } else {
                waiting.add(turn);
            }
        }
        if (now) {
            admitted.run();
        }
        return turn;
    }

    /**
     * The request stops waiting: true if it had no place yet and now never gets one; false if it has one (it was
     * admitted at once, or a place was handed to it), in which case it must run and {@link #leave} as any other.
     */
    synchronized boolean giveUp(Turn turn) {
        return waiting.remove(turn);
    }

    /** A request that had a place finished: the place goes to the longest waiting request, or becomes free. */
    void leave() {
        Turn next = null;
        synchronized (this) {
            Iterator<Turn> first = waiting.iterator();
            if (first.hasNext()) {
                next = first.next();
                first.remove();
            } else if (running > 0) {
                running--;
            } else {
                throw new IllegalStateException("A request left that never entered");
            }
        }
        if (next != null) {
            next.admitted.run();
        }
    }

    /** Requests holding a place now. */
    synchronized int running() {
        return running;
    }

    /** Requests waiting for one now. */
    synchronized int waiting() {
        return waiting.size();
    }
}
