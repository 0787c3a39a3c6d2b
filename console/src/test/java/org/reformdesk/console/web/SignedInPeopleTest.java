package org.reformdesk.console.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedInPeopleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SignedInPeople people = new SignedInPeople(nanos::get);
    private final AtomicInteger lookUps = new AtomicInteger();

    @Test
    void aSignInIsLookedUpOnceAndKeepsItsOwnPerson() {
        UUID wang = UUID.randomUUID();
        UUID li = UUID.randomUUID();

        assertThat(people.of("wang s1", () -> found(wang))).contains(wang);
        assertThat(people.of("wang s1", () -> found(li))).as("the same sign-in, asked again").contains(wang);
        assertThat(people.of("li s2", () -> found(li))).as("another person's sign-in").contains(li);
        assertThat(people.of("wang s3", () -> found(li))).as("a new sign-in asks again").contains(li);
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void aLoginThatIsNobodyIsKeptTooUntilItExpires() {
        UUID linkedLater = UUID.randomUUID();

        assertThat(people.of("guest s1", Optional::empty)).isEmpty();
        nanos.addAndGet(SignedInPeople.KEPT.minusSeconds(1).toNanos());
        assertThat(people.of("guest s1", () -> found(linkedLater))).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(people.of("guest s1", () -> found(linkedLater))).as("after " + SignedInPeople.KEPT).contains(linkedLater);
    }

    @Test
    void aFailedLookUpKeepsNothing() {
        UUID wang = UUID.randomUUID();

        assertThatThrownBy(() -> people.of("wang s1", () -> {
            throw new IllegalStateException("task-service unreachable");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(people.of("wang s1", () -> found(wang))).contains(wang);
    }

    private Optional<UUID> found(UUID person) {
        lookUps.incrementAndGet();
        return Optional.of(person);
    }
}
