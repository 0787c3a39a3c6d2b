package org.reformdesk.console.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The directory person of each sign-in whose ID token names none, as task-service found it for the login. Every page
 * needs it (whose inbox the frame links to) and asking task-service on every request was a call per page
 * (docs/performance.md, console). It is kept under the sign-in itself — the ID token's subject and Keycloak session —
 * so it is never another person's, and a new sign-in asks again. A person the office links to a login later shows
 * within {@link #KEPT}; which tasks or reminders a page shows is still the services' call, made with the token.
 */
@ApplicationScoped
class SignedInPeople {

    static final Duration KEPT = Duration.ofMinutes(5);

    /** Far more sign-ins than a city's console has at once; each entry is a key and a UUID. */
    static final long MAX_SIGN_INS = 20_000;

    private final Cache<String, Optional<UUID>> people;

    SignedInPeople() {
        this(Ticker.systemTicker());
    }

    SignedInPeople(Ticker ticker) {
        this.people = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_SIGN_INS)
                .expireAfterWrite(KEPT)
                // evictions run on the caller's thread: nothing kept waits for a pool, and tests see them at once
                .executor(Runnable::run)
                .build();
    }

    /**
     * The person of {@code signIn}: the one found recently, else {@code lookUp}'s, kept. The look-up runs outside the
     * cache's lock (it is a call to task-service); two first requests of one sign-in may both make it. A look-up that
     * fails keeps nothing.
     */
    public Optional<UUID> of(String signIn, Supplier<Optional<UUID>> lookUp) {
        Optional<UUID> known = people.getIfPresent(signIn);
        if (known != null) {
            return known;
        }
        Optional<UUID> found = lookUp.get();
        people.put(signIn, found);
        return found;
    }
}
