package org.reformdesk.task.ledger;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentResultsTest {

    private final AtomicLong now = new AtomicLong();
    /** Recounts wait here until the test runs them, as if the recounter's thread were busy until then. */
    private final Queue<Runnable> recounts = new ConcurrentLinkedQueue<>();
    private final RecentResults results = new RecentResults(Duration.ofSeconds(5), now::get, recounts::add);
    private final AtomicInteger counted = new AtomicInteger();

    private int count() {
        return counted.incrementAndGet();
    }

    @Test
    void aResultIsReusedWithinItsMaxAgeAndRecountedAfterWhileThePreviousOneIsServed() {
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(1);
        assertThat(recounts).isEmpty();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        // expired: the request gets the previous result at once and one recount is started, not one per request
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(1);
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(1);
        assertThat(recounts).hasSize(1);
        assertThat(counted).hasValue(1);
        recounts.poll().run();
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(2);
    }

    @Test
    void aFailedRecountIsForgottenAndTheNextRequestCountsItself() {
        results.get("total", this::count);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(results.<Integer>get("total", () -> {
            throw new IllegalStateException("connection lost");
        })).isEqualTo(1);
        recounts.poll().run(); // logged, not thrown: nobody waits for it
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(2);
        assertThat(recounts).isEmpty();
    }

    @Test
    void aRecounterThatRefusesWorkLeavesTheNextRequestToCount() {
        RecentResults refusing = new RecentResults(Duration.ofSeconds(5), now::get, recount -> {
            throw new java.util.concurrent.RejectedExecutionException("shutting down");
        });
        assertThat(refusing.<Integer>get("total", this::count)).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(refusing.<Integer>get("total", this::count)).isEqualTo(1);
        assertThat(refusing.<Integer>get("total", this::count)).isEqualTo(2);
    }

    @Test
    void eachKeyIsCountedOnItsOwn() {
        assertThat(results.<Integer>get("status=ASSIGNED", this::count)).isEqualTo(1);
        assertThat(results.<Integer>get("status=CLOSED", this::count)).isEqualTo(2);
        assertThat(results.<Integer>get("status=ASSIGNED", this::count)).isEqualTo(1);
    }

    @Test
    void aChangeDiscardsEveryResultAtOnce() {
        results.get("a", this::count);
        results.get("b", this::count);
        results.changed();
        assertThat(results.<Integer>get("a", this::count)).isEqualTo(3);
        assertThat(results.<Integer>get("b", this::count)).isEqualTo(4);
    }

    @Test
    void aResultBeingCountedWhileTheLedgerChangesIsNotReused() {
        results.get("total", () -> {
            results.changed(); // a write commits while the count runs
            return count();
        });
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(2);
    }

    @Test
    void aFailedCountIsNotRememberedAndItsErrorReachesTheCaller() {
        assertThatThrownBy(() -> results.get("total", () -> {
            throw new IllegalStateException("connection lost");
        })).hasMessage("connection lost");
        assertThat(results.<Integer>get("total", this::count)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsForANewResultWaitForOneCount() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Integer> first = pool.submit(() -> results.<Integer>get("summary", () -> {
                counting.countDown();
                await(release);
                return count();
            }));
            counting.await(5, TimeUnit.SECONDS);
            Future<?>[] others = new Future<?>[7];
            for (int i = 0; i < others.length; i++) {
                others[i] = pool.submit(() -> results.<Integer>get("summary", this::count));
            }
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<?> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(counted).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
