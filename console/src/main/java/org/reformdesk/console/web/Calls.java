package org.reformdesk.console.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Calls to the services a page makes at once (on the request's {@code ManagedExecutor}, so the user's token goes
 * with each): the page waits for the slowest, not for their sum.
 */
public final class Calls {

    private Calls() {
    }

    /** A call's answer, or what it threw: a service's refusal stays the page's refusal. */
    public static <T> T answer(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw e;
        }
    }
}
