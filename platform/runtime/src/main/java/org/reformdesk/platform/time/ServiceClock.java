package org.reformdesk.platform.time;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of a service. Everything that depends on time (sweeps, escalation, month close, quiet hours)
 * reads it, so tests and demos move time instead of waiting. In production it is the system clock in the
 * city's zone; where {@code reform.time.movable} is set it can be moved forward or back.
 */
@Singleton
public class ServiceClock extends Clock {

    private final ZoneId zone;
    private final boolean movable;
    private volatile Duration offset = Duration.ZERO;

    @Inject
    public ServiceClock(TimeConfig config) {
        this(config.zone(), config.movable());
    }

    public ServiceClock(ZoneId zone, boolean movable) {
        this.zone = zone;
        this.movable = movable;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(Clock.system(other), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Today's date in the city. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    public boolean isMovable() {
        return movable;
    }

    /** Makes {@code now} the current time; the clock keeps running from there. */
    public void moveTo(Instant now) {
        if (!movable) {
            throw new IllegalStateException("This service runs on the system clock; it cannot be moved");
        }
        offset = Duration.between(Instant.now(), now);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }
}
