package dev.dropdeploy.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test moves by hand, so time-based rules are tested without waiting. */
public final class MovableClock extends Clock {

    private Instant now;

    public MovableClock() {
        this(Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** From {@code start}: for tests whose data meets rows the application writes at the real time. */
    public MovableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
