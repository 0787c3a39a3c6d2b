package org.reformdesk.platform.shedding;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitTest {

    private final List<String> started = new ArrayList<>();
    private final ConcurrencyLimit limit = new ConcurrencyLimit(2);

    private ConcurrencyLimit.Turn arrive(String request) {
        return limit.enter(() -> started.add(request));
    }

    @Test
    void requestsStartAtOnceWhilePlacesAreFreeAndWaitOnceAllAreTaken() {
        ConcurrencyLimit.Turn a = arrive("a");
        arrive("b");
        ConcurrencyLimit.Turn c = arrive("c");

        assertThat(started).containsExactly("a", "b");
        assertThat(limit.running()).isEqualTo(2);
        assertThat(limit.waiting()).isEqualTo(1);
        assertThat(limit.giveUp(a)).as("a request that has a place cannot give it up").isFalse();
        assertThat(limit.giveUp(c)).as("a waiting request can").isTrue();
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void aFreedPlaceGoesToTheLongestWaitingRequest() {
        arrive("a");
        arrive("b");
        arrive("c");
        arrive("d");

        limit.leave();
        assertThat(started).containsExactly("a", "b", "c");
        limit.leave();
        assertThat(started).containsExactly("a", "b", "c", "d");
        assertThat(limit.running()).as("the places were handed on, not freed").isEqualTo(2);
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void aRequestThatGaveUpNeverStartsAndTheNextOneGetsItsTurn() {
        arrive("a");
        arrive("b");
        ConcurrencyLimit.Turn tired = arrive("c");
        ConcurrencyLimit.Turn patient = arrive("d");

        assertThat(limit.giveUp(tired)).isTrue();
        limit.leave();

        assertThat(started).containsExactly("a", "b", "d");
        assertThat(limit.giveUp(patient)).as("too late: it was handed a place and must run").isFalse();
        assertThat(limit.giveUp(tired)).as("giving up twice changes nothing").isFalse();
    }

    @Test
    void placesFreedWithNobodyWaitingAdmitTheNextArrivalsAtOnce() {
        arrive("a");
        arrive("b");
        limit.leave();
        limit.leave();

        arrive("c");
        arrive("d");

        assertThat(started).containsExactly("a", "b", "c", "d");
        assertThat(limit.running()).isEqualTo(2);
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void leavingWithoutAPlaceIsAMistakeThatIsCaughtAndALimitMustAdmitSomeone() {
        assertThatThrownBy(limit::leave).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ConcurrencyLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
